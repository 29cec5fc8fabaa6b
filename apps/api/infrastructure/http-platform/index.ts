/**
 * The HTTP framework under NestJS (HTTP_PLATFORM): everything that differs between Express
 * and Fastify lives here, so the rest of the API answers identically on both.
 */
import type { DynamicModule, INestApplication, NestApplicationOptions } from '@nestjs/common';
import type { HttpPlatform } from '../../../../libs/config/index.js';
import { createExpressApp, useExpressJsonBody } from './express-platform.js';
import { expressRoutes } from './express-routes.js';
import { createFastifyApp, fastifyRoutes } from './fastify-platform.js';
import { platformOf } from './platform-of.js';
import type { RouteEntry } from './route-entry.js';

export { answerClientErrorsWithProblems } from './client-errors.js';
export { fromFrameworkError, InvalidUtf8BodyError } from './json-body.js';
export type { RouteEntry } from './route-entry.js';
export { serveImmutableAssets, servePage } from './static-files.js';
export { platformOf };

/** The Nest app on the chosen platform, with the JSON, client-error and header rules of both. */
export function createHttpApp(
  platform: HttpPlatform,
  root: DynamicModule,
  options: NestApplicationOptions,
): Promise<INestApplication> {
  return platform === 'fastify' ? createFastifyApp(root, options) : createExpressApp(root, options);
}

/**
 * The JSON body parser, installed after the correlation id and metrics middleware so its
 * refusals carry both. Fastify parses in its content-type parser (set up at creation).
 */
export function useJsonBody(app: INestApplication): void {
  if (platformOf(app) === 'express') useExpressJsonBody(app);
}

/** The registered routes (for 405 answers), once the app is initialised. */
export function registeredRoutes(adapter: { getType(): string; getInstance(): unknown }): RouteEntry[] {
  const instance = adapter.getInstance();
  return adapter.getType() === 'fastify' ? fastifyRoutes(instance as object) : expressRoutes(instance);
}
