import { CORRELATION_ID_PATTERN } from '../../../../libs/commands/id-patterns.js';
import { randomUUID } from 'node:crypto';
import { headerValue, type PolkuRequest, type PolkuResponse } from '../http.js';

export const CORRELATION_ID_HEADER = 'X-Correlation-Id';

/** Caller ids are echoed into headers, logs and events: only accept tame ones. */

/**
 * Plain Express middleware, installed before any route, so even 401s, 404s and malformed
 * bodies carry the id. An agency system passes its own id to trace a call end to end.
 */
export function correlationIdMiddleware(req: PolkuRequest, res: PolkuResponse, next: () => void): void {
  const given = headerValue(req, CORRELATION_ID_HEADER);
  const id = given && CORRELATION_ID_PATTERN.test(given) ? given : randomUUID();
  req.correlationId = id;
  res.setHeader(CORRELATION_ID_HEADER, id);
  next();
}
