import { Injectable, Param, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { RequestValidationException } from '../../infrastructure/problem/index.js';
import { documentOnMethod } from '../../infrastructure/request-context/index.js';
import { ID_PATTERN } from '../../../../libs/commands/id-patterns.js';

/** Path ids are validated like body ids: a bad one is a 400 naming the parameter. */
@Injectable()
export class IdPipe implements PipeTransform<string, string> {
  transform(value: string, meta: ArgumentMetadata): string {
    if (typeof value !== 'string' || !ID_PATTERN.test(value)) {
      throw new RequestValidationException([
        { field: meta.data ?? 'id', message: `${meta.data ?? 'id'} must be 1-128 letters, digits or . _ : -` },
      ]);
    }
    return value;
  }
}

/**
 * `@IdParam('clientId') clientId: string`: the path parameter, validated by IdPipe and
 * documented with the same pattern, so the published rule is the one enforced.
 */
export const IdParam =
  (name: string): ParameterDecorator =>
  (target, key, index) => {
    Param(name, IdPipe)(target, key, index);
    documentOnMethod(ApiParam({ name, schema: { type: 'string', pattern: ID_PATTERN.source } }))(target, key, index);
  };
