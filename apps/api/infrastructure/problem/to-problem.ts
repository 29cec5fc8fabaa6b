import { STATUS_CODES } from 'node:http';
import { HttpException } from '@nestjs/common';
import { NotFoundInStreamError, RuleViolationError } from '../../../../libs/domain/errors.js';
import {
  EventStoreFailureError,
  IdempotencyKeyReusedError,
  StreamVersionConflictError,
} from '../../../../libs/event-store/index.js';
import { ProblemException } from '../../../../libs/problem/problem-exception.js';
import { ClientAccessDeniedError } from '../../../../libs/application/index.js';
import { ReadStoreUnavailableError } from '../../../../libs/read-store/index.js';
import { ProblemTypes, ruleProblemType, type Problem } from '../../../../libs/problem/problem-types.js';
import { RequestValidationException } from '../../../../libs/problem/validation.js';
import { INPUT_LIMITS } from '../../../../libs/problem/input-limits.js';
import { fromFrameworkError, InvalidUtf8BodyError } from '../http-platform/index.js';

/**
 * Maps anything thrown while handling a request to a problem document. Returns
 * undefined for unexpected errors: those become a 500 whose body reveals nothing.
 */
export function toProblem(thrown: unknown): Problem | undefined {
  const exception = fromFrameworkError(thrown);
  if (exception instanceof ProblemException) return exception.problem;
  if (exception instanceof RequestValidationException) {
    return {
      type: ProblemTypes.validation,
      title: 'Invalid request',
      status: 400,
      detail: 'One or more fields are invalid; see errors.',
      errors: exception.errors,
    };
  }
  if (exception instanceof RuleViolationError) {
    return {
      type: ruleProblemType(exception.rule),
      title: 'Rule violated',
      status: 422,
      detail: exception.message,
      rule: exception.rule,
      // Domain fields are paths in the command (`data.kuty.hoursPerDay`); over HTTP the body is the data.
      ...(exception.field !== undefined && { field: exception.field.replace(/^data(\.|$)/, '') || undefined }),
      ...(exception.details !== undefined && { details: exception.details }),
    };
  }
  if (exception instanceof NotFoundInStreamError) {
    return {
      type: ProblemTypes.notFound,
      title: 'Not found',
      status: 404,
      detail: exception.message,
      what: exception.what,
      id: exception.id,
    };
  }
  if (exception instanceof ClientAccessDeniedError) {
    // Outside the client relationship the answer equals "no such client": a person's being
    // a client of social services must not leak. Other refusals (role) are plain 403s.
    return exception.reason === 'no_client_relationship'
      ? {
          type: ProblemTypes.notFound,
          title: 'Not found',
          status: 404,
          detail: `client ${exception.clientId} not found`,
          what: 'client',
          id: exception.clientId,
        }
      : {
          type: ProblemTypes.forbidden,
          title: 'Forbidden',
          status: 403,
          detail: `Not allowed: ${exception.reason.replace(/_/g, ' ')}`,
          reason: exception.reason,
        };
  }
  if (exception instanceof StreamVersionConflictError) {
    return {
      type: ProblemTypes.streamVersionConflict,
      title: 'Stream version conflict',
      status: 409,
      detail: 'The client record changed since you read it; reload and retry.',
      clientId: exception.clientId,
      expectedVersion: String(exception.expected),
      actualVersion: String(exception.actual),
    };
  }
  if (exception instanceof IdempotencyKeyReusedError) {
    return {
      type: ProblemTypes.idempotencyKeyReused,
      title: 'Idempotency key reused',
      status: 409,
      detail:
        exception.reuse === 'other_client'
          ? 'This Idempotency-Key was already used for another client; use a new key.'
          : 'This Idempotency-Key was already used for a request with a different body; use a new key.',
      rule: `idempotency_key.reused_for_${exception.reuse}`,
      header: 'Idempotency-Key',
    };
  }
  if (exception instanceof ReadStoreUnavailableError) {
    // The database is down or restarting: nothing was read, the same request works later.
    return unavailable('Storage is unavailable; retry the request shortly.');
  }
  if (exception instanceof EventStoreFailureError && exception.retryable) {
    // Transient (store locked too long, database down or restarting): the client may simply retry.
    return unavailable('Storage is busy or unavailable; retry the request shortly (with the same Idempotency-Key).');
  }
  if (exception instanceof HttpException) return fromHttpException(exception);
  return undefined;
}

const malformedBody = (detail: string): Problem => ({
  type: ProblemTypes.malformedBody,
  title: 'Malformed request body',
  status: 400,
  detail,
});

function fromHttpException(exception: HttpException): Problem {
  const status = exception.getStatus();
  // A 5xx message may carry internals: keep the status, drop the text (the filter logs it).
  if (status >= 500) return { type: ProblemTypes.blank, title: STATUS_CODES[status] ?? 'Error', status };
  const detail = messageOf(exception);
  switch (status) {
    case 400:
      // Express's body parser fails with a SyntaxError that Nest wraps in a 400.
      if (exception.cause instanceof SyntaxError) return malformedBody('The request body is not valid JSON.');
      if (exception.cause instanceof InvalidUtf8BodyError) return malformedBody('The request body is not valid UTF-8.');
      // Express fails on a path parameter that is not valid percent-encoding (e.g. %FF).
      if (exception.cause instanceof URIError) {
        return {
          type: ProblemTypes.malformedRequest,
          title: 'Malformed request',
          status,
          detail: 'The request path is not valid percent-encoding.',
        };
      }
      return { type: ProblemTypes.malformedRequest, title: 'Bad Request', status, detail };
    case 401:
      return { type: ProblemTypes.unauthorized, title: 'Unauthorized', status, detail };
    case 403:
      return { type: ProblemTypes.forbidden, title: 'Forbidden', status, detail };
    case 404:
      return { type: ProblemTypes.notFound, title: 'Not found', status, detail };
    case 413:
      return {
        type: ProblemTypes.bodyTooLarge,
        title: 'Request body too large',
        status,
        detail: `The request body is larger than ${INPUT_LIMITS.maxBodyBytes} bytes.`,
        limitBytes: INPUT_LIMITS.maxBodyBytes,
      };
    default:
      return { type: ProblemTypes.blank, title: STATUS_CODES[status] ?? 'Error', status, detail };
  }
}

function messageOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : exception.message;
}

/** 503: the problem filter adds Retry-After. */
const unavailable = (detail: string): Problem => ({
  type: ProblemTypes.serviceUnavailable,
  title: 'Service unavailable',
  status: 503,
  detail,
});

export function internalProblem(): Problem {
  return {
    type: ProblemTypes.internal,
    title: 'Internal server error',
    status: 500,
    detail: 'An unexpected error occurred. Quote the correlation id when reporting it.',
  };
}
