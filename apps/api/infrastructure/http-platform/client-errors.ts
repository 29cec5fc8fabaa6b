import { STATUS_CODES, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { PROBLEM_CONTENT_TYPE, ProblemTypes, type Problem } from '../../../../libs/problem/problem-types.js';

/**
 * Requests Node refuses before Express or Fastify sees them (headers over the server's limit, a
 * malformed request line) get a problem document too, instead of Node's bare status line.
 */
export function answerClientErrorsWithProblems(server: Server): void {
  server.on('clientError', answerClientError);
}

/** The `clientError` answer itself (Fastify takes it as its `clientErrorHandler`). */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  // Like Node's own handler: answer only on a socket that has sent nothing yet (a response
  // to an earlier request on it may be under way).
  if (error.code === 'ECONNRESET' || !socket.writable || socket.bytesWritten > 0) {
    socket.destroy();
    return;
  }
  const problem = clientErrorProblem(error.code);
  const body = JSON.stringify(problem);
  socket.end(
    [
      `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}`,
      `Content-Type: ${PROBLEM_CONTENT_TYPE}`,
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Connection: close',
      '',
      body,
    ].join('\r\n'),
  );
}

function clientErrorProblem(code: string | undefined): Problem {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return {
        type: ProblemTypes.headersTooLarge,
        title: 'Request header fields too large',
        status: 431,
        detail: 'The request headers are larger than the server accepts; send fewer or shorter headers.',
      };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return {
        type: ProblemTypes.blank,
        title: 'Request timeout',
        status: 408,
        detail: 'The request was not received in time.',
      };
    default:
      return {
        type: ProblemTypes.malformedRequest,
        title: 'Malformed request',
        status: 400,
        detail: 'The request is not valid HTTP/1.1.',
      };
  }
}
