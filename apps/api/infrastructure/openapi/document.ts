import type { INestApplication, Type } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { CORRELATION_ID_HEADER } from '../request-context/correlation-id.middleware.js';
import { allowAbsentEmptyBodies, closeRequestSchemas } from './request-schemas.js';

export const BEARER_SCHEME = 'bearer';

const DESCRIPTION = [
  "One shared picture of a long-term unemployed client's cross-organisation service path (TYP).",
  'Errors are RFC 9457 `application/problem+json` (schema `Problem`): branch on `type`; validation problems list `errors[]` with the `field` path, rule problems name the `rule`.',
  'Commands answer 201 with a `CommandResult`; send its `streamVersion` as `If-Match` to guard the next write, and `Idempotency-Key` to retry safely.',
  'Reads of client data state their purpose in `X-Purpose`. Unknown body fields are refused (400), never dropped.',
  'The same commands travel on Kafka (`polku.commands.v1`); their message schema is at /schemas/kafka-commands.json.',
].join('\n\n');

export function openApiConfig(): Omit<OpenAPIObject, 'paths'> {
  return new DocumentBuilder()
    .setTitle('Polku API')
    .setDescription(DESCRIPTION)
    .setVersion('0.1.0')
    .addServer('/', 'This server')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER_SCHEME)
    .addSecurityRequirements(BEARER_SCHEME)
    .addGlobalParameters({
      name: CORRELATION_ID_HEADER,
      in: 'header',
      required: false,
      description:
        'Your id for tracing the call (1-128 of A-Z a-z 0-9 . _ : -); another value is replaced by a generated one. Echoed in the answer.',
      schema: { type: 'string' },
    })
    .build();
}

/**
 * The OpenAPI document of a built (initialised, not necessarily listening) app: every route
 * with its DTOs and response classes, plus what the global infrastructure makes true of all.
 */
export function buildOpenApiDocument(app: INestApplication, extraModels: Type<unknown>[] = []): OpenAPIObject {
  const document = SwaggerModule.createDocument(app, openApiConfig(), {
    extraModels,
    operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}`,
  });
  closeRequestSchemas(document);
  allowAbsentEmptyBodies(document);
  documentEveryAnswersHeaders(document);
  linkRegisteredClient(document);
  return document;
}

type Operation = { operationId?: string; responses: Record<string, { links?: Record<string, unknown> }> };

/**
 * OpenAPI links from registering a client to every operation on a client: generated clients
 * and tools (schemathesis' stateful phase) follow them from a new clientId to its path.
 */
function linkRegisteredClient(document: OpenAPIObject): void {
  const operations = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.values(item)
      .filter((op): op is Operation => typeof op === 'object' && op !== null && 'responses' in op)
      .map((op) => ({ path, op })),
  );
  const register = operations.find(({ op }) => op.operationId === 'RegisterClient')?.op.responses['201'];
  if (!register) return;
  register.links = Object.fromEntries(
    operations
      .filter(({ path }) => path.includes('{clientId}'))
      .map(({ op }) => [
        op.operationId,
        {
          operationId: op.operationId,
          parameters: { clientId: '$response.body#/clientId' },
        },
      ]),
  );
}

/** server-timing.ts: what the `Server-Timing` header's entries mean (docs/operations.md). */
const SERVER_TIMING =
  "W3C Server-Timing, durations in ms: `app`, the API's own time from the request's arrival to the answer's headers; " +
  'where the request wrote to the usage log, `log`, the wait for its entries to be durable, and of that `log-writer` ' +
  "(in the log's writer), `log-commit` (its transaction) and `log-lock` (its wait for the log's write lock).";

/**
 * The headers the global middleware sets on every answer: X-Correlation-Id
 * (correlationIdMiddleware) and Server-Timing (serverTiming).
 */
function documentEveryAnswersHeaders(document: OpenAPIObject): void {
  document.components = {
    ...document.components,
    headers: {
      ...document.components?.headers,
      ServerTiming: { description: SERVER_TIMING, schema: { type: 'string' } },
    },
  };
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item)) {
      if (typeof operation !== 'object' || operation === null || !('responses' in operation)) continue;
      for (const response of Object.values(
        operation.responses as Record<string, { headers?: Record<string, unknown> }>,
      )) {
        response.headers = {
          ...response.headers,
          [CORRELATION_ID_HEADER]: { description: 'The given or generated correlation id', schema: { type: 'string' } },
          'Server-Timing': { $ref: '#/components/headers/ServerTiming' },
        };
      }
    }
  }
}
