import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildEntries } from '../apps/projector/test/process-harness.js';
import { testEnvironment } from '../libs/config/index.js';
import { unsupportedRuntimeMessage } from '../libs/shared/runtime/index.js';

/**
 * Started on another Node (a machine's own old one, outside npm), every entry point stops with
 * the one line of supported-node.ts. Without care it would stop with a link error instead: ES
 * modules are linked before any of them runs, so a named import of something only the
 * supported line has (`randomUUIDv7`, Node 26.1+) fails before the runtime check is reached.
 * Runs where the PATH has an unsupported Node; the machines here and in CI have Node 20.
 */
const ENTRIES = [
  'scripts/start.ts',
  'apps/api/main.ts',
  'apps/projector/main.ts',
  'apps/ingest/main.ts',
  'apps/api/cli/mint-token.ts',
  'apps/api/cli/write-contract.ts',
  'scripts/seed-demo.ts',
  'scripts/verify.ts',
];

/** The first `node` on the PATH that is not the supported line, with its version. */
function unsupportedNode(): { path: string; version: string } | undefined {
  const ours = realpathSync(process.execPath);
  for (const dir of (testEnvironment().inherited.PATH ?? '').split(':')) {
    const path = join(dir, 'node');
    if (!dir || !existsSync(path) || realpathSync(path) === ours) continue;
    const version = spawnSync(path, ['--version'], { encoding: 'utf8' }).stdout?.trim().replace(/^v/, '');
    if (version && unsupportedRuntimeMessage(version)) return { path, version };
  }
  return undefined;
}

const old = unsupportedNode();
const itOnOldNode = old ? it : it.skip;

describe(`a start on an unsupported Node (${old ? `Node ${old.version} at ${old.path}` : 'none on the PATH'})`, () => {
  let outDir: string | undefined;
  beforeAll(async () => {
    if (old) ({ outDir } = await buildEntries(ENTRIES));
  }, 200_000);
  afterAll(() => {
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  for (const entry of ENTRIES) {
    itOnOldNode(`${entry} stops with one line saying which Node and to start through npm (exit 1)`, () => {
      const r = spawnSync(old!.path, [join(outDir!, entry.replace(/\.ts$/, '.js'))], {
        encoding: 'utf8',
        timeout: 30_000,
        env: { PATH: testEnvironment().inherited.PATH },
      });
      expect(r.stderr.trim().split('\n')).toEqual([unsupportedRuntimeMessage(old!.version)]);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
    });
  }
});
