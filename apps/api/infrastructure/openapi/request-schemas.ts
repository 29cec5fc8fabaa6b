import type { OpenAPIObject } from '@nestjs/swagger';

type Schema = Record<string, unknown>;
const SCHEMA_REF = '#/components/schemas/';

/** Names of the component schemas reachable from `roots` (through $ref, properties, items...). */
export function reachableSchemas(document: OpenAPIObject, roots: unknown[]): Set<string> {
  const schemas = (document.components?.schemas ?? {}) as Record<string, Schema>;
  const seen = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const ref = (node as Schema).$ref;
    if (typeof ref === 'string' && ref.startsWith(SCHEMA_REF)) {
      const name = ref.slice(SCHEMA_REF.length);
      if (!(name in schemas)) throw new Error(`OpenAPI: $ref to an unknown schema '${name}'`);
      if (!seen.has(name)) {
        seen.add(name);
        visit(schemas[name]);
      }
      return;
    }
    Object.values(node).forEach(visit);
  };
  roots.forEach(visit);
  return seen;
}

const operationsOf = (document: OpenAPIObject) =>
  Object.values(document.paths)
    .flatMap((item) => Object.values(item))
    .filter((op): op is Record<string, unknown> => typeof op === 'object' && op !== null && 'responses' in op);

/**
 * The global ValidationPipe refuses unknown fields (forbidNonWhitelisted): every schema a
 * request body reaches is closed (`additionalProperties: false`). A class used both in a
 * request and a response would make the answer's schema closed too: refused at build time.
 */
export function closeRequestSchemas(document: OpenAPIObject): void {
  const operations = operationsOf(document);
  const requests = reachableSchemas(
    document,
    operations.map((op) => op.requestBody),
  );
  const responses = reachableSchemas(
    document,
    operations.map((op) => op.responses),
  );
  const shared = [...requests].filter((name) => responses.has(name));
  if (shared.length) throw new Error(`OpenAPI: request DTOs used in responses too: ${shared.join(', ')}`);
  const schemas = (document.components?.schemas ?? {}) as Record<string, Schema>;
  for (const name of requests) {
    if (schemas[name].type === 'object' || schemas[name].properties) schemas[name].additionalProperties = false;
    for (const property of Object.values((schemas[name].properties ?? {}) as Record<string, Schema>))
      statePlainText(property);
  }
}

/**
 * Text without its own pattern, enum or format: the input layer refuses control characters
 * (NUL, U+0001–U+001F but tab and line breaks, DEL) and lone surrogates in every request
 * string (libs: input-limits), so the document says so.
 */
export const PLAIN_TEXT_PATTERN = '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F\\uD800-\\uDFFF]*$';

function statePlainText(schema: Schema): void {
  const items = schema.items as Schema | undefined;
  if (schema.type === 'array' && items) statePlainText(items);
  if (schema.type === 'string' && !schema.pattern && !schema.enum && !schema.format)
    schema.pattern = PLAIN_TEXT_PATTERN;
}

/**
 * Nest's ValidationPipe validates an absent body as `{}`: a body whose schema requires no
 * field may be left out (e.g. withdrawing a consent without a reason).
 */
export function allowAbsentEmptyBodies(document: OpenAPIObject): void {
  const schemas = (document.components?.schemas ?? {}) as Record<string, Schema>;
  for (const op of operationsOf(document)) {
    const body = op.requestBody as { required?: boolean; content?: Record<string, { schema?: Schema }> } | undefined;
    const ref = body?.content?.['application/json']?.schema?.$ref;
    if (typeof ref !== 'string') continue;
    const required = schemas[ref.slice(SCHEMA_REF.length)]?.required as string[] | undefined;
    if (!required?.length) body!.required = false;
  }
}
