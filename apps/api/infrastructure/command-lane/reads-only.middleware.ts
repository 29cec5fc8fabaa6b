import type { ServerResponse } from 'node:http';
import { PROBLEM_CONTENT_TYPE, ProblemTypes, type ProblemDetails } from '../../../../libs/problem/problem-types.js';
import { requestPath, type PolkuRequest } from '../http.js';
import { isReadMethod } from './methods.js';

/** Methods a reads-only process answers, for the 405's `Allow`. */
const ALLOW = 'GET, HEAD, OPTIONS';

/**
 * For `API_SERVES=reads`: a command gets 405 `reads-only` before its body is read, and nothing
 * runs. Why such processes exist: a read served beside a saturating command load waits in the
 * same event loop; a process that takes no commands answers officers' reads at once. The
 * router in front sends commands elsewhere; the problem names the rule for one that did not.
 */
export function readsOnlyMiddleware(req: PolkuRequest, res: ServerResponse, next: () => void): void {
  if (isReadMethod(req.method)) return next();
  const problem: ProblemDetails = {
    type: ProblemTypes.readsOnly,
    title: 'This API process serves reads only',
    status: 405,
    detail: `${req.method} is a command; this process (API_SERVES=reads) answers ${ALLOW} only. Send commands to the API's command port.`,
    instance: requestPath(req),
    ...(req.correlationId && { correlationId: req.correlationId }),
  };
  const body = JSON.stringify(problem);
  res.statusCode = 405;
  res.setHeader('Allow', ALLOW);
  res.setHeader('Content-Type', PROBLEM_CONTENT_TYPE);
  res.setHeader('Content-Length', Buffer.byteLength(body));
  // the body is never read: close the connection rather than parse what follows it
  res.setHeader('Connection', 'close');
  res.end(body);
}
