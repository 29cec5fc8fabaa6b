import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldError } from './problem-types.js';

/** Thrown by the global ValidationPipe; the filter renders it as a 400 `validation` problem. */
export class RequestValidationException extends BadRequestException {
  constructor(readonly errors: FieldError[]) {
    super('The request has invalid fields');
  }
}

/**
 * class-validator nests errors (`data` → `kuty` → `hoursPerDay`; arrays as `items` → `1`).
 * Clients need the full path of every leaf to point at the right form field.
 */
export function flattenValidationErrors(errors: ValidationError[], parentPath = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const path = joinPath(parentPath, error.property);
    for (const message of Object.values(error.constraints ?? {})) {
      out.push({ field: path, message });
    }
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, path));
  }
  return out;
}

function joinPath(parent: string, property: string): string {
  // Array items come back as properties named by their index.
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent ? `${parent}.${property}` : property;
}

export function validationExceptionFactory(errors: ValidationError[]): RequestValidationException {
  return new RequestValidationException(flattenValidationErrors(errors));
}

/** Unknown fields are rejected, not silently dropped: a typo must not lose data. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: validationExceptionFactory,
  });
}
