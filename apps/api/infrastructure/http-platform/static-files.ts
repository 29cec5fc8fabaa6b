import { readFile } from 'node:fs/promises';
import type { INestApplication } from '@nestjs/common';
import { serveExpressAssets } from './express-platform.js';
import { serveFastifyAssets } from './fastify-platform.js';
import { platformOf } from './platform-of.js';

/** A request as middleware sees it: Express's, or Node's own under Fastify's middie. */
export interface MiddlewareRequest {
  method: string;
  url: string;
  path?: string;
}
interface MiddlewareResponse {
  setHeader(name: string, value: string | number): void;
  statusCode: number;
  end(body?: Buffer): void;
  sendFile?(path: string): void;
  set?(headers: Record<string, string>): void;
}

/** The request path without the query, on either platform. */
export function middlewarePath(req: MiddlewareRequest): string {
  return req.path ?? req.url.split('?')[0];
}

/** Answers with one file and extra headers (Express: sendFile; Fastify: Node's response). */
export function sendFileWithHeaders(
  res: MiddlewareResponse,
  file: string,
  headers: Record<string, string>,
  head: boolean,
): void {
  if (res.sendFile && res.set) {
    res.set(headers);
    res.sendFile(file);
    return;
  }
  readFile(file).then(
    (body) => {
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.setHeader('Content-Length', body.length);
      res.statusCode = 200;
      res.end(head ? undefined : body);
    },
    () => {
      res.statusCode = 404;
      res.end();
    },
  );
}

/** Files under `dir` at `prefix`, cacheable for good; a missing file falls through to the 404 problem. */
export function serveImmutableAssets(app: INestApplication, dir: string, prefix: string): void {
  if (platformOf(app) === 'fastify') serveFastifyAssets(app, dir, prefix);
  else serveExpressAssets(app, dir, prefix);
}
