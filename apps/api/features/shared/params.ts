import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { RequestValidationException } from '../../infrastructure/problem/index.js';

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/** Path ids are validated like body ids: a bad one is a 400 naming the parameter. */
@Injectable()
export class IdPipe implements PipeTransform<string, string> {
  transform(value: string, meta: ArgumentMetadata): string {
    if (typeof value !== 'string' || !ID.test(value)) {
      throw new RequestValidationException([{ field: meta.data ?? 'id', message: `${meta.data ?? 'id'} must be 1-128 letters, digits or . _ : -` }]);
    }
    return value;
  }
}
