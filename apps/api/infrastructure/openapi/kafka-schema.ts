import type { OpenAPIObject } from '@nestjs/swagger';
import type { KafkaCommandContract } from '../../../../libs/commands/envelope/index.js';
import { reachableSchemas } from './request-schemas.js';

type Schema = Record<string, unknown>;

/** The operation extension naming the client command an HTTP route executes. */
export const COMMAND_TYPE_EXTENSION = 'x-command-type';
export const KAFKA_SCHEMA_PATH = '/schemas/kafka-commands.json';

/** What the message format adds to the HTTP commands: the envelope class, topic and headers. */
export type { KafkaCommandContract };

export interface KafkaSchemaSource extends Omit<KafkaCommandContract, 'envelope'> {
  /** The HTTP document: command routes carry x-command-type; their bodies are the data DTOs. */
  document: OpenAPIObject;
  /** The envelope's component schema name in `document` (added to it as an extra model). */
  envelope: string;
}

/** Each command's HTTP route: its body schema and the ids it takes from the path (not clientId). */
function commandRoutes(document: OpenAPIObject): { type: string; body: string; pathIds: Schema }[] {
  const out = [];
  for (const item of Object.values(document.paths)) {
    for (const op of Object.values(item) as Schema[]) {
      const type = op?.[COMMAND_TYPE_EXTENSION];
      if (typeof type !== 'string') continue;
      const ref = (op.requestBody as { content: Record<string, { schema: { $ref: string } }> }).content[
        'application/json'
      ].schema.$ref;
      const params = (op.parameters ?? []) as { in: string; name: string; schema: Schema }[];
      const pathIds = Object.fromEntries(
        params.filter((p) => p.in === 'path' && p.name !== 'clientId').map((p) => [p.name, p.schema]),
      );
      out.push({ type, body: ref.split('/').pop()!, pathIds });
    }
  }
  return out.sort((a, b) => a.type.localeCompare(b.type));
}

/** OpenAPI 3.0 schema → JSON Schema 2020-12: $refs into $defs, `example` as `examples`. */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (typeof node !== 'object' || node === null) return node;
  const out: Schema = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') out.$ref = value.replace('#/components/schemas/', '#/$defs/');
    else if (key === 'example') out.examples = [value];
    else if (key === 'properties')
      out.properties = Object.fromEntries(Object.entries(value as Schema).map(([k, v]) => [k, toJsonSchema(v)]));
    else out[key] = toJsonSchema(value);
  }
  return out;
}

/**
 * The JSON Schema of command messages: one definition per command (`<Type>Message`), built
 * from the same DTO schemas as the HTTP bodies; over Kafka the ids an HTTP route takes from
 * its path (`/referrals/{referralId}/accept`) are fields of `data`, as the ingest reads them.
 */
export function buildKafkaCommandSchema({ document, envelope, topic, headers }: KafkaSchemaSource): Schema {
  const components = (document.components?.schemas ?? {}) as Record<string, Schema>;
  const routes = commandRoutes(document);
  const defs: Record<string, unknown> = {};
  for (const name of reachableSchemas(document, [
    ...routes.map((r) => ({ $ref: `#/components/schemas/${r.body}` })),
    { $ref: `#/components/schemas/${envelope}` },
  ])) {
    defs[name] = toJsonSchema(components[name]);
  }
  // The envelope's generic `command` ({ type: string, data: object }) is replaced per command below.
  const env = defs[envelope] as Schema;
  const genericCommand = String(((env.properties as Schema).command as Schema).$ref)
    .split('/')
    .pop()!;
  delete defs[envelope];
  delete defs[genericCommand];
  // The ingest refuses unknown fields at every level, like the HTTP API.
  for (const def of Object.values(defs) as Schema[]) if (def.properties) def.additionalProperties = false;
  for (const { type, body, pathIds } of routes) {
    let data: Schema = { $ref: `#/$defs/${body}` };
    if (Object.keys(pathIds).length) {
      const dto = defs[body] as Schema;
      defs[`${type}Data`] = {
        ...dto,
        properties: { ...pathIds, ...(dto.properties as Schema) },
        required: [...Object.keys(pathIds), ...((dto.required as string[] | undefined) ?? [])],
      };
      data = { $ref: `#/$defs/${type}Data` };
    }
    defs[`${type}Message`] = {
      ...env,
      title: `${type} on ${topic}`,
      additionalProperties: false,
      properties: {
        ...(env.properties as Schema),
        command: {
          type: 'object',
          additionalProperties: false,
          required: ['type', 'data'],
          properties: { type: { const: type }, data },
        },
      },
    };
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: KAFKA_SCHEMA_PATH,
    title: `Polku command messages (${topic})`,
    description:
      `The JSON value of a message on ${topic}, keyed by clientId. ${headers} ` +
      'Unknown fields are refused (dead-lettered), like in HTTP bodies. RegisterClient: data.clientId, when given, equals clientId.',
    oneOf: routes.map((r) => ({ $ref: `#/$defs/${r.type}Message` })),
    $defs: defs,
  };
}
