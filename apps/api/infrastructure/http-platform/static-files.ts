import type { INestApplication } from '@nestjs/common';
import { serveExpressAssets } from './express-platform.js';
import { serveFastifyAssets, serveFastifyPage } from './fastify-platform.js';
import { platformOf } from './platform-of.js';

interface PageRequest {
  method: string;
  path: string;
}
interface PageResponse {
  set(headers: Record<string, string>): void;
  sendFile(path: string): void;
}

/** One page at `/` (GET and HEAD) with extra headers; other methods fall through to the 404. */
export function servePage(app: INestApplication, file: string, headers: Record<string, string>): void {
  if (platformOf(app) === 'fastify') {
    serveFastifyPage(app, file, headers);
    return;
  }
  app.use((req: PageRequest, res: PageResponse, next: () => void) => {
    if (req.path !== '/' || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    res.set(headers);
    res.sendFile(file);
  });
}

/** Files under `dir` at `prefix`, cacheable for good; a missing file falls through to the 404 problem. */
export function serveImmutableAssets(app: INestApplication, dir: string, prefix: string): void {
  if (platformOf(app) === 'fastify') serveFastifyAssets(app, dir, prefix);
  else serveExpressAssets(app, dir, prefix);
}
