import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

type Node = Record<string, unknown>;
export const OPENAPI_FILE = 'docs/openapi.json';
export const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Node;

/**
 * OpenAPI 3.0 schema → what Ajv checks: `nullable` as `anyOf [.., null]`, and every
 * described object *closed*, so an answer carrying a field the document does not describe
 * fails too (the published document leaves answers open to additions; this test does not).
 */
function strict(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strict);
  if (typeof node !== 'object' || node === null) return node;
  const { nullable, example: _example, ...rest } = node as Node;
  const out: Node = {};
  for (const [key, value] of Object.entries(rest)) {
    out[key] =
      key === 'properties'
        ? Object.fromEntries(Object.entries(value as Node).map(([k, v]) => [k, strict(v)]))
        : strict(value);
  }
  if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return nullable ? { anyOf: [out, { type: 'null' }] } : out;
}

/** Validates real answers against the document's response schema for (path, method, status). */
export function responseValidator(document: Node = readJson(OPENAPI_FILE)) {
  const ajv = new Ajv({ strict: false, allErrors: true });
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  ajv.addSchema({ $id: 'openapi', components: strict((document as { components: Node }).components) });
  const cache = new Map<string, ValidateFunction>();
  return (path: string, method: string, status: number, body: unknown, contentType = 'application/json'): void => {
    const op = ((document.paths as Node)[path] as Node | undefined)?.[method] as Node | undefined;
    if (!op) throw new Error(`${method} ${path} is not in the document`);
    const response = (op.responses as Node)[String(status)] as Node | undefined;
    if (!response) throw new Error(`${method} ${path} answered ${status}, which the document does not declare`);
    const schema = ((response.content as Node)[contentType] as Node | undefined)?.schema as Node | undefined;
    if (!schema) throw new Error(`${method} ${path} ${status}: no ${contentType} schema declared`);
    const key = `${method} ${path} ${status} ${contentType}`;
    let validate = cache.get(key);
    if (!validate) {
      validate = ajv.compile(
        JSON.parse(JSON.stringify(strict(schema)).replaceAll('"#/components/', '"openapi#/components/')),
      );
      cache.set(key, validate);
    }
    if (!validate(body)) {
      throw new Error(
        `${method} ${path} ${status} does not match its schema: ${ajv.errorsText(validate.errors, { separator: '\n  ' })}`,
      );
    }
  };
}
