import { isUtf8 } from 'node:buffer';
import { BadRequestException, HttpException, PayloadTooLargeException } from '@nestjs/common';

/** The status and type body-parser gives an invalid UTF-8 body (the filter maps it to a problem). */
export class InvalidUtf8BodyError extends Error {
  override readonly name = 'InvalidUtf8BodyError';
  readonly status = 400;
  readonly type = 'entity.invalid.utf8';
  constructor() {
    super('The request body is not valid UTF-8');
  }
}

/** Positions and versions are bigint; JSON.stringify would throw on them. */
export const bigintAsString = (_key: string, value: unknown): unknown =>
  typeof value === 'bigint' ? value.toString() : value;

/**
 * A JSON body as Express's body-parser reads it (strict: an object or an array; empty is `{}`),
 * and only valid UTF-8: decoding would turn invalid bytes into U+FFFD silently, and that would
 * enter the immutable log. Failures are the exceptions Nest makes of body-parser's errors.
 */
export function parseJsonBody(body: Buffer): unknown {
  if (!isUtf8(body))
    throw new BadRequestException('The request body is not valid UTF-8', { cause: new InvalidUtf8BodyError() });
  const text = body.toString('utf8');
  const start = text.trimStart();
  if (start === '') return {};
  try {
    if (start[0] !== '{' && start[0] !== '[') throw new SyntaxError(`Unexpected token ${start[0]} in JSON`);
    return JSON.parse(text);
  } catch (error) {
    throw new BadRequestException((error as Error).message, { cause: error });
  }
}

interface FrameworkError {
  code?: unknown;
  statusCode?: unknown;
  message?: string;
}

/**
 * Fastify refuses some requests itself (body over the limit, malformed URL) with its own
 * errors: the exceptions Express's path gives for the same requests, so the filter maps both alike.
 */
export function fromFrameworkError(exception: unknown): unknown {
  const error = exception as FrameworkError | null;
  if (!error || typeof error.code !== 'string' || !error.code.startsWith('FST_')) return exception;
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new PayloadTooLargeException();
  if (error.code === 'FST_ERR_BAD_URL')
    return new BadRequestException(error.message, { cause: new URIError(error.message) });
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500)
    return new HttpException(error.message ?? 'Bad Request', error.statusCode, { cause: exception });
  return exception;
}
