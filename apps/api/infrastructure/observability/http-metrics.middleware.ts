import type { Logger, PolkuMetrics } from '../../../../libs/observability/index.js';

interface Req {
  method: string;
  originalUrl?: string;
  url: string;
  route?: { path?: string };
  baseUrl?: string;
  correlationId?: string;
}
interface Res {
  statusCode: number;
  on(event: 'finish', fn: () => void): void;
}

/**
 * Latency histogram by route template (never the raw URL: it carries client ids) and one
 * JSON access-log line per request, without the query string (it may carry personal data).
 */
export function httpMetrics(metrics: PolkuMetrics, log: Logger) {
  return (req: Req, res: Res, next: () => void) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = req.route?.path ? `${req.baseUrl ?? ''}${req.route.path}` : 'unmatched';
      metrics.httpDuration.observe({ method: req.method, route, status: String(res.statusCode) }, seconds);
      log.info(
        {
          method: req.method,
          route,
          status: res.statusCode,
          ms: Math.round(seconds * 1000 * 10) / 10,
          correlationId: req.correlationId,
        },
        'request',
      );
    });
    next();
  };
}
