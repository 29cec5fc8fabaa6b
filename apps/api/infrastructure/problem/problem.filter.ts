import { Catch, Inject, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { requestPath, type PolkuRequest, type PolkuResponse } from '../http.js';
import { PROBLEM_CONTENT_TYPE, ProblemTypes, type ProblemDetails } from '../../../../libs/problem/problem-types.js';
import { internalProblem, toProblem } from './to-problem.js';
import { AllowedMethods } from './allowed-methods.js';
import { registeredRoutes } from '../http-platform/index.js';

/** Global filter: every HTTP error leaves as `application/problem+json` (RFC 9457). */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');
  private readonly allowed: AllowedMethods;

  constructor(@Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost) {
    this.allowed = new AllowedMethods(() => registeredRoutes(adapterHost.httpAdapter));
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const req = http.getRequest<PolkuRequest>();
    const res = http.getResponse<PolkuResponse>();
    const path = requestPath(req);

    let mapped = toProblem(exception);
    // No route for this method, but for others: RFC 9110 §15.5.6 wants a 405 naming them.
    const allow = mapped?.status === 404 ? this.allowed.of(path) : [];
    if (allow.length && !allow.includes(req.method)) {
      mapped = {
        type: ProblemTypes.blank,
        title: 'Method Not Allowed',
        status: 405,
        detail: `${req.method} is not allowed here; use ${allow.join(', ')}.`,
      };
    }
    if (!mapped) {
      // Log the real cause with the correlation id; the client only gets the id.
      const stack = exception instanceof Error ? exception.stack : String(exception);
      this.logger.error(`${req.method} ${path} failed [correlationId=${req.correlationId}]`, stack);
    } else if (mapped.status >= 500) {
      this.logger.warn(
        `${req.method} ${path}: ${mapped.status} ${String(exception)} [correlationId=${req.correlationId}]`,
      );
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
    if (problem.status === 405) res.setHeader('Allow', allow.join(', '));
    res.setHeader('Content-Type', PROBLEM_CONTENT_TYPE);
    this.adapterHost.httpAdapter.reply(res, problem, problem.status);
  }
}
