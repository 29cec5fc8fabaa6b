import { Catch, Inject, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { requestPath, type PolkuRequest, type PolkuResponse } from '../http.js';
import { PROBLEM_CONTENT_TYPE, ProblemTypes, type ProblemDetails } from './problem-types.js';
import { internalProblem, toProblem } from './to-problem.js';

/** Global filter: every HTTP error leaves as `application/problem+json` (RFC 9457). */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  constructor(@Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const req = http.getRequest<PolkuRequest>();
    const res = http.getResponse<PolkuResponse>();
    const path = requestPath(req);

    const mapped = toProblem(exception);
    if (!mapped) {
      // Log the real cause with the correlation id; the client only gets the id.
      const stack = exception instanceof Error ? exception.stack : String(exception);
      this.logger.error(`${req.method} ${path} failed [correlationId=${req.correlationId}]`, stack);
    } else if (mapped.status >= 500) {
      this.logger.warn(`${req.method} ${path}: ${mapped.status} ${String(exception)} [correlationId=${req.correlationId}]`);
    }
    const problem: ProblemDetails = {
      ...(mapped ?? internalProblem()),
      instance: path,
      ...(req.correlationId && { correlationId: req.correlationId }),
    };

    if (res.headersSent) {
      this.logger.error(`Cannot send problem ${problem.status} for ${path}: headers already sent`);
      return;
    }
    if (problem.type === ProblemTypes.unauthorized) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="polku"');
    }
    if (problem.status === 503) res.setHeader('Retry-After', '1');
    res.setHeader('Content-Type', PROBLEM_CONTENT_TYPE);
    this.adapterHost.httpAdapter.reply(res, problem, problem.status);
  }
}
