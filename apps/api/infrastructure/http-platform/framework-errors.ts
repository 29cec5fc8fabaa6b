import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE, ProblemTypes, type ProblemDetails } from '../../../../libs/problem/problem-types.js';
import { correlationIdMiddleware } from '../request-context/correlation-id.middleware.js';
import type { PolkuRequest, PolkuResponse } from '../http.js';

/**
 * Fastify's router refuses a malformed URL (bad percent-encoding) before any hook or the Nest
 * filter runs; Express reaches the filter with a URIError. The same problem document, with the
 * correlation id the middleware would have given.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const req = request.raw as unknown as PolkuRequest;
  correlationIdMiddleware(req, reply.raw as unknown as PolkuResponse, () => undefined);
  const status = typeof error.statusCode === 'number' && error.statusCode < 500 ? error.statusCode : 400;
  const problem: ProblemDetails = {
    type: ProblemTypes.malformedRequest,
    title: status === 400 ? 'Malformed request' : 'Bad Request',
    status,
    detail: error.code === 'FST_ERR_BAD_URL' ? 'The request path is not valid percent-encoding.' : error.message,
    instance: (request.raw.url ?? '/').split('?')[0],
    ...(req.correlationId && { correlationId: req.correlationId }),
  };
  reply.code(status).header('content-type', PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}
