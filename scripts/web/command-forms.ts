/**
 * `node dist/scripts/web/command-forms.js <openapi.json> <out.json>`: describes the form of every
 * client command from its request schema in the OpenAPI document, so the workspace's forms
 * follow the API (fields, kinds, required, enum values) instead of a hand-written copy.
 * Run by `npm run web:api`, next to the generated client types.
 */
import { readFileSync, writeFileSync } from 'node:fs';

type Schema = {
  $ref?: string;
  allOf?: Schema[];
  type?: string;
  format?: string;
  enum?: string[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  maxLength?: number;
};
type Operation = {
  operationId?: string;
  summary?: string;
  parameters?: { in?: string; name?: string }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
};

/**
 * One input of a command form; nested objects are flattened to dotted names (`provider.organisationId`).
 * A list of objects is `rows`: a repeatable sub-form whose `fields` come from the item schema;
 * `item: 'organisation'` marks rows that are organisation references (chosen from known ones);
 * `item: 'organisationId'` a list of organisations' ids (`organisationIds`), each chosen the same way.
 */
export type CommandField = {
  name: string;
  kind: 'text' | 'longText' | 'date' | 'integer' | 'number' | 'boolean' | 'enum' | 'list' | 'rows';
  required: boolean;
  values?: string[];
  item?: 'text' | 'date' | 'enum' | 'organisation' | 'organisationId';
  fields?: CommandField[];
};
export type CommandForm = { operationId: string; path: string; pathParams: string[]; fields: CommandField[] };

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: command-forms <openapi.json> <out.json>');
  process.exit(2);
}
const document = JSON.parse(readFileSync(input, 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
};

function resolve(s: Schema): Schema {
  if (s.$ref) return resolve(document.components.schemas[s.$ref.split('/').pop() ?? ''] ?? {});
  if (s.allOf?.length === 1) return resolve(s.allOf[0]);
  return s;
}

function fieldsOf(schema: Schema, prefix: string, parentRequired: boolean): CommandField[] {
  const s = resolve(schema);
  const out: CommandField[] = [];
  for (const [key, raw] of Object.entries(s.properties ?? {})) {
    const p = resolve(raw);
    const name = `${prefix}${key}`;
    const required = parentRequired && (s.required ?? []).includes(key);
    if (p.enum) out.push({ name, kind: 'enum', required, values: p.enum });
    else if (p.type === 'object' || p.properties) out.push(...fieldsOf(p, `${name}.`, required));
    else if (p.type === 'array') {
      const item = resolve(p.items ?? {});
      if (item.properties) {
        const organisation = p.items?.$ref?.endsWith('/OrganisationRefDto');
        const fields = fieldsOf(item, '', true);
        out.push({ name, kind: 'rows', required, ...(organisation && { item: 'organisation' }), fields });
      } else if (item.enum) out.push({ name, kind: 'list', item: 'enum', values: item.enum, required });
      else if (key === 'organisationIds') out.push({ name, kind: 'list', item: 'organisationId', required });
      else out.push({ name, kind: 'list', item: item.format === 'date' ? 'date' : 'text', required });
    } else if (p.type === 'boolean') out.push({ name, kind: 'boolean', required });
    else if (p.type === 'integer') out.push({ name, kind: 'integer', required });
    else if (p.type === 'number') out.push({ name, kind: 'number', required });
    else if (p.format === 'date') out.push({ name, kind: 'date', required });
    else out.push({ name, kind: (p.maxLength ?? 0) > 500 ? 'longText' : 'text', required });
  }
  return out;
}

const forms: CommandForm[] = [];
for (const [path, operations] of Object.entries(document.paths)) {
  const post = operations.post;
  const body = post?.requestBody?.content?.['application/json']?.schema;
  // Registering a client (Today), the commands on one client's path (the client's page) and
  // the administrator's erasure of a client's personal data.
  const forClient = path === '/clients' || path.startsWith('/clients/{clientId}/');
  if (!post?.operationId || !body || !(forClient || path.startsWith('/admin/clients/{clientId}/'))) continue;
  forms.push({
    operationId: post.operationId,
    path,
    pathParams: (post.parameters ?? [])
      .filter((p) => p.in === 'path' && p.name !== 'clientId')
      .map((p) => p.name ?? ''),
    fields: fieldsOf(body, '', true),
  });
}
writeFileSync(output, `${JSON.stringify(forms, null, 2)}\n`);
