import { createServer, type Server } from 'node:http';
import type { Projector } from './projector.js';
import type { PolkuMetrics } from '../../../libs/observability/index.js';

/**
 * GET /health for orchestrators: 200 while projecting (status ok or catching_up), 503 with
 * status degraded when the stores cannot be read or the last attempt failed (it retries by
 * itself: a database restart ends in ok again). Positions are strings (bigint).
 */
export async function startHealthServer(
  projector: Projector,
  port: number,
  host: string,
  metrics?: PolkuMetrics,
): Promise<Server> {
  const server = createServer((req, res) => {
    const send = (code: number, body: unknown) => {
      res.writeHead(code, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(body));
    };
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/metrics' && metrics) {
      // Prometheus scrape: positions and lag refreshed at scrape time.
      projector
        .status()
        .then(async ({ checkpoint, head, lag }) => {
          metrics.projectorCheckpoint.set(Number(checkpoint));
          metrics.projectorHead.set(Number(head));
          metrics.projectorLag.set(Number(lag));
          const { contentType, body } = await metrics.render();
          res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' });
          res.end(body);
        })
        .catch((error: unknown) =>
          send(503, { status: 'error', error: error instanceof Error ? error.message : String(error) }),
        );
      return;
    }
    if (url.pathname !== '/health') return send(404, { error: 'not_found' });
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, { error: 'method_not_allowed' });
    projector.status().then(
      ({ checkpoint, head, lag }) => {
        const status = projector.lastError ? 'degraded' : lag === 0n ? 'ok' : 'catching_up';
        send(status === 'degraded' ? 503 : 200, {
          status,
          checkpoint: checkpoint.toString(),
          head: head.toString(),
          lag: Number(lag),
          ...(projector.lastError ? { error: projector.lastError } : {}),
        });
      },
      (error: unknown) =>
        send(503, { status: 'degraded', error: error instanceof Error ? error.message : String(error) }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
