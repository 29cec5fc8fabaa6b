import { basename, dirname } from 'node:path';
import type { DynamicModule, INestApplication, NestApplicationOptions } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type {} from '@fastify/static'; // its reply.sendFile types
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { INPUT_LIMITS } from '../../../../libs/problem/input-limits.js';
import { answerClientError } from './client-errors.js';
import { answerFrameworkError } from './framework-errors.js';
import { addExpressEtags } from './fastify-etag.js';
import { bigintAsString, parseJsonBody } from './json-body.js';
import type { RouteEntry } from './route-entry.js';

const routeTables = new WeakMap<object, RouteEntry[]>();

/**
 * Fastify made to answer like the Express app: Express's routing (case-insensitive, a trailing
 * slash matches), body-parser's JSON rules, the bigint-aware serializer, and the few
 * Express-shaped members our code uses on requests and replies (`setHeader`, `headersSent`,
 * `secure`, the correlation id the middleware puts on the Node request).
 */
export async function createFastifyApp(
  root: DynamicModule,
  options: NestApplicationOptions,
): Promise<INestApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: INPUT_LIMITS.maxBodyBytes,
    clientErrorHandler: answerClientError,
    frameworkErrors: answerFrameworkError,
    routerOptions: { caseSensitive: false, ignoreTrailingSlash: true },
  });
  const fastify = adapter.getInstance();
  const routes: RouteEntry[] = [];
  routeTables.set(fastify, routes);
  fastify.addHook('onRoute', (route) => {
    // The web app's page is middleware under Express, not a route that answers 405.
    if ((route.config as { webPage?: boolean } | undefined)?.webPage) return;
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).map((m) => m.toUpperCase());
    routes.push({ path: route.url, methods });
  });
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => {
    try {
      done(null, parseJsonBody(body as Buffer));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  // Express leaves other bodies unread (req.body undefined); Fastify would answer 415.
  fastify.addContentTypeParser('*', (_req, payload, done) => {
    payload.resume();
    payload.once('end', () => done(null, undefined));
    payload.once('error', (error) => done(error, undefined));
  });
  addExpressEtags(fastify);
  fastify.setReplySerializer((payload) => JSON.stringify(payload, bigintAsString));
  fastify.decorateReply(
    'setHeader',
    function (this: { header(n: string, v: unknown): void }, name: string, value: unknown) {
      this.header(name, value);
    },
  );
  fastify.decorateReply('headersSent', {
    getter(this: { sent: boolean; raw: { headersSent: boolean } }) {
      return this.sent || this.raw.headersSent;
    },
  });
  fastify.decorateRequest('secure', {
    getter(this: { protocol: string }) {
      return this.protocol === 'https';
    },
  });
  fastify.decorateRequest('correlationId', {
    getter(this: { raw: object }) {
      return (this.raw as { correlationId?: string }).correlationId;
    },
  });
  // The metrics middleware labels by route template, which Express puts on the request.
  fastify.addHook('onRequest', (req, _reply, done) => {
    if (req.routeOptions.url) Object.assign(req.raw, { route: { path: req.routeOptions.url } });
    done();
  });
  return NestFactory.create<NestFastifyApplication>(root, adapter, { ...options, bodyParser: false });
}

export function fastifyRoutes(instance: object): RouteEntry[] {
  return routeTables.get(instance) ?? [];
}

export function serveFastifyAssets(app: INestApplication, dir: string, prefix: string): void {
  (app as NestFastifyApplication).useStaticAssets({
    root: dir,
    prefix,
    index: false,
    immutable: true,
    maxAge: '365d',
    wildcard: true,
    // Express's MIME table says text/javascript (RFC 9239); @fastify/static's application/javascript.
    setHeaders: (res, path) => {
      if (path.endsWith('.js')) res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
    },
  });
}

/** The web app's page through @fastify/static's send, like Express's sendFile (ETag, ranges). */
export function serveFastifyPage(app: INestApplication, file: string, headers: Record<string, string>): void {
  const fastify = (app as NestFastifyApplication).getHttpAdapter().getInstance();
  fastify.route({
    method: 'GET',
    url: '/',
    config: { webPage: true },
    handler: (_req, reply) => reply.headers(headers).sendFile(basename(file), dirname(file), { cacheControl: false }),
  });
}
