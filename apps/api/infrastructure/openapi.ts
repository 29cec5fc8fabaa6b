import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

export const BEARER_SCHEME = 'bearer';

/**
 * Serves the OpenAPI document at /openapi.json and Swagger UI at /docs. These routes sit
 * on the HTTP adapter, outside Nest's router, so the auth guard never sees them. Must run
 * before `app.init()`: routes added after it would land behind the 404 handler.
 */
export function setupOpenApi(app: INestApplication): void {
  // A factory: the document is built on first request, from every registered controller.
  SwaggerModule.setup('docs', app, () => openApiDocument(app), {
    jsonDocumentUrl: 'openapi.json',
    customSiteTitle: 'Polku API',
  });
}

/** The OpenAPI document of every registered controller (served, and dumped for the web client). */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Polku API')
    .setDescription(
      'One shared picture of a long-term unemployed client\'s cross-organisation service path (TYP). ' +
        'Errors are RFC 9457 application/problem+json. Send X-Correlation-Id to trace a call; ' +
        'send Idempotency-Key on commands to retry them safely.',
    )
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER_SCHEME)
    .addSecurityRequirements(BEARER_SCHEME)
    .build();
  return SwaggerModule.createDocument(app, config);
}
