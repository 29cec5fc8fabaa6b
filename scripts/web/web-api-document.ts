/**
 * `node dist/scripts/web/web-api-document.js <in.json> <out.json>`: the OpenAPI document as the
 * web workspace's client sees it. The workspace's fetch middleware sends the X-Purpose the user
 * chose for the session on every request, so its calls need not pass the header themselves:
 * the header is marked optional here, for the generated types only.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: web-api-document <in.json> <out.json>');
  process.exit(2);
}
type Parameter = { in?: string; name?: string; required?: boolean };
const document = JSON.parse(readFileSync(input, 'utf8')) as {
  paths: Record<string, Record<string, { parameters?: Parameter[] }>>;
};
for (const operations of Object.values(document.paths)) {
  for (const operation of Object.values(operations)) {
    for (const p of operation.parameters ?? []) if (p.in === 'header' && p.name === 'X-Purpose') p.required = false;
  }
}
writeFileSync(output, `${JSON.stringify(document, null, 2)}\n`);
