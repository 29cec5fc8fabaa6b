import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONTRACT_FILES, contractDocuments, contractText } from '../../apps/api/cli/write-contract.js';
import { reachableSchemas } from '../../apps/api/infrastructure/openapi/request-schemas.js';

/**
 * The published contract is what the code generates (`npm run contract` rewrites it), it
 * passes Redocly's strict lint, the typed client is generated from it, and it is complete:
 * every operation states its answer, its problems and its inputs' rules.
 */
type Node = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const run = (bin: string, args: string[]) =>
  spawnSync(process.execPath, [join('node_modules', bin), ...args], { encoding: 'utf8', timeout: 120_000 });
const REGENERATE = 'run `npm run contract` and commit the result';

describe('the OpenAPI document', () => {
  let documents: { openapi: Node; kafka: Node };
  let operations: { id: string; op: Node }[];

  beforeAll(async () => {
    documents = (await contractDocuments()) as { openapi: Node; kafka: Node };
    operations = Object.entries(documents.openapi.paths as Node).flatMap(([path, item]) =>
      Object.entries(item as Node).map(([method, op]) => ({ id: `${method.toUpperCase()} ${path}`, op: op as Node })),
    );
  });

  it('is the one in docs/ (and so is the Kafka command schema)', () => {
    for (const [file, document] of [
      [CONTRACT_FILES.openapi, documents.openapi],
      [CONTRACT_FILES.kafka, documents.kafka],
    ] as const) {
      const current = readFileSync(file, 'utf8') === contractText(document);
      expect({ file, current, fix: current ? '' : REGENERATE }).toEqual({ file, current: true, fix: '' });
    }
  });

  it('passes the Redocly lint (recommended-strict) without errors', () => {
    const lint = run('@redocly/cli/bin/cli.js', ['lint', CONTRACT_FILES.openapi, '--format=stylish']);
    expect({ status: lint.status, out: lint.status === 0 ? '' : lint.stdout + lint.stderr }).toEqual({
      status: 0,
      out: '',
    });
  });

  it('generates the committed TypeScript client types (openapi-typescript)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'polku-client-'));
    try {
      const out = join(dir, 'polku-api.ts');
      const gen = run('openapi-typescript/bin/cli.js', [CONTRACT_FILES.openapi, '-o', out]);
      expect(gen.status).toBe(0);
      expect(readFileSync(out, 'utf8')).toBe(readFileSync('test/contract/polku-api.generated.ts', 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('resolves every $ref to a component it describes (schemas, and the Server-Timing header)', () => {
    const refs = JSON.stringify(documents.openapi).match(/"\$ref":"[^"]*"/g) ?? [];
    const components = documents.openapi.components as Node;
    const unresolved = refs
      .map((r) => r.slice(8, -1))
      .filter((ref) => {
        const [, kind, name] = /^#\/components\/(schemas|headers)\/(.+)$/.exec(ref) ?? [];
        return !kind || !(name in (components[kind] ?? {}));
      });
    expect(unresolved).toEqual([]);
  });

  it('states a success schema and problem+json answers for every operation, 401 on every authenticated one', () => {
    const gaps: string[] = [];
    // The browser-session routes touch no store (no 503; sign-out answers 204 without a body);
    // /health answers 503 with its own degraded health document, which probes read.
    const storeless = (op: Node) => (op.tags as string[] | undefined)?.includes('web session');
    const isHealth = (id: string) => id.startsWith('GET /health');
    for (const { id, op } of operations) {
      const responses = op.responses as Node;
      const success = Object.keys(responses).filter((s) => s.startsWith('2'));
      const noContent = success.length === 1 && success[0] === '204';
      // The OpenID Connect start and callback are browser navigations: they answer with a redirect only.
      const redirectOnly = success.length === 0 && Object.keys(responses).some((s) => s === '302');
      if (
        !redirectOnly &&
        (success.length !== 1 || (!noContent && !responses[success[0]].content?.['application/json']?.schema))
      )
        gaps.push(`${id}: no 2xx schema`);
      for (const [status, response] of Object.entries(responses)) {
        if (isHealth(id) && status === '503') continue;
        if (
          Number(status) >= 400 &&
          response.content?.['application/problem+json']?.schema?.$ref !== '#/components/schemas/Problem'
        ) {
          gaps.push(`${id} ${status}: not a Problem`);
        }
      }
      const isPublic = JSON.stringify(op.security) === '[{}]';
      if (!isPublic && !responses['401']) gaps.push(`${id}: no 401`);
      if (!responses['503'] && !storeless(op)) gaps.push(`${id}: no 503`);
      if ((op.parameters?.length > 1 || op.requestBody) && !responses['400'] && !isPublic)
        gaps.push(`${id}: inputs but no 400`);
    }
    expect(gaps).toEqual([]);
  });

  it('documents the headers every answer carries: the correlation id and Server-Timing', () => {
    const missing = operations.flatMap(({ id, op }) =>
      Object.entries(op.responses as Node).flatMap(([status, response]) =>
        ['X-Correlation-Id', 'Server-Timing']
          .filter((name) => !(response as Node).headers?.[name])
          .map((name) => `${id} ${status}: ${name}`),
      ),
    );
    expect(missing).toEqual([]);
    const path = documents.openapi.paths['/clients/{clientId}/path'].get.responses['200'];
    expect(path.headers['Server-Timing']).toEqual({ $ref: '#/components/headers/ServerTiming' });
    const timing = documents.openapi.components.headers.ServerTiming;
    expect(timing.schema).toEqual({ type: 'string' });
    for (const entry of ['app', 'log', 'log-writer', 'log-commit', 'log-lock'])
      expect(timing.description).toContain(`\`${entry}\``);
  });

  it('documents the command headers as optional and X-Purpose as required, with their rules', () => {
    const commands = operations.filter(
      ({ op }) => op.requestBody && !(op.tags as string[] | undefined)?.includes('web session'),
    );
    expect(commands.length).toBeGreaterThanOrEqual(27);
    for (const { id, op } of commands) {
      const headers = Object.fromEntries(
        (op.parameters as Node[]).filter((p) => p.in === 'header').map((p) => [p.name, p]),
      );
      expect({ id, ifMatch: headers['If-Match']?.required, key: headers['Idempotency-Key']?.required }).toEqual({
        id,
        ifMatch: false,
        key: false,
      });
      expect(headers['If-Match'].schema.pattern).toBeDefined();
      expect(headers['Idempotency-Key'].schema.pattern).toBeDefined();
      expect(op.responses['201'].content['application/json'].schema.$ref).toMatch(/CommandResult|ErasureAnswer/);
    }
    const purpose = (documents.openapi.paths['/clients/{clientId}/path'].get.parameters as Node[]).find(
      (p) => p.name === 'X-Purpose',
    );
    expect(purpose).toMatchObject({ in: 'header', required: true, schema: { pattern: expect.any(String) } });
  });

  it('gives every path id its pattern and closes every request schema (unknown fields are refused)', () => {
    const pathParams = operations.flatMap(({ op }) => ((op.parameters as Node[]) ?? []).filter((p) => p.in === 'path'));
    expect(pathParams.filter((p) => !p.schema?.pattern)).toEqual([]);
    const bodies = reachableSchemas(
      documents.openapi as never,
      operations.map(({ op }) => op.requestBody),
    );
    const schemas = documents.openapi.components.schemas as Node;
    expect([...bodies].filter((name) => schemas[name].additionalProperties !== false)).toEqual([]);
    expect(schemas.KutyPlanItemsDto.properties.daysPerWeek).toMatchObject({ type: 'integer', minimum: 0, maximum: 7 });
    expect(schemas.RegisterClientDto.properties.fullName).toMatchObject({
      type: 'string',
      minLength: 1,
      maxLength: 200,
    });
    expect(schemas.StartTypRelationshipDto.properties.parties).toMatchObject({
      type: 'array',
      maxItems: 10,
      items: { $ref: '#/components/schemas/OrganisationRefDto' },
    });
  });
});
