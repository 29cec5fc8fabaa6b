import type { INestApplication } from '@nestjs/common';
import { getSchemaPath, SwaggerModule } from '@nestjs/swagger';
import { buildOpenApiDocument } from './document.js';
import { buildKafkaCommandSchema, KAFKA_SCHEMA_PATH, type KafkaCommandContract } from './kafka-schema.js';

/** The Kafka command schema of an app: its HTTP command routes plus the message envelope. */
export function kafkaCommandSchema(app: INestApplication, kafka: KafkaCommandContract): Record<string, unknown> {
  const document = buildOpenApiDocument(app, [kafka.envelope]);
  return buildKafkaCommandSchema({ ...kafka, document, envelope: getSchemaPath(kafka.envelope).split('/').pop()! });
}

/**
 * Serves the OpenAPI document at /openapi.json, Swagger UI at /docs and the Kafka command
 * schema at /schemas/kafka-commands.json. These routes sit on the HTTP adapter, outside
 * Nest's router, so the auth guard never sees them. Must run before `app.init()`: routes
 * added after it would land behind the 404 handler.
 */
export function setupOpenApi(app: INestApplication, kafka: KafkaCommandContract): void {
  // Factories: documents are built on first request, from every registered controller.
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'openapi.json',
    customSiteTitle: 'Polku API',
  });
  let schema: string | undefined;
  app.getHttpAdapter().get(KAFKA_SCHEMA_PATH, (_req: unknown, res: { type(t: string): { send(b: string): void } }) => {
    schema ??= JSON.stringify(kafkaCommandSchema(app, kafka), null, 2);
    res.type('application/schema+json').send(schema);
  });
}
