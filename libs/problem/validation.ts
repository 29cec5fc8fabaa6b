import { BadRequestException, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { inputProblems } from './input-limits.js';
import type { FieldError } from './problem-types.js';

/** Thrown by the global ValidationPipe; the filter renders it as a 400 `validation` problem. */
export class RequestValidationException extends BadRequestException {
  override readonly name = 'RequestValidationException';
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

/**
 * The class-validator options of every input, HTTP or Kafka. Unknown fields are rejected,
 * not silently dropped: a typo must not lose data. One message per field: the first broken
 * constraint (a missing field is "required", not also "must be a string" and "too long").
 */
export const VALIDATOR_OPTIONS = { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true } as const;

/** Refuses input beyond INPUT_LIMITS (depth, size, null, ill-formed text) before class-transformer walks it. */
export function assertAcceptableInput(value: unknown, root = ''): void {
  const problems = inputProblems(value, root);
  if (problems.length > 0) throw new RequestValidationException(problems);
}

/** The global pipe: input limits first, then the DTO's constraints. */
export class InputValidationPipe extends ValidationPipe {
  constructor() {
    super({ ...VALIDATOR_OPTIONS, transform: true, exceptionFactory: validationExceptionFactory });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') assertAcceptableInput(value);
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new InputValidationPipe();
}
