import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * libs/config/environment.ts is the only reader of the process environment: every other
 * module receives validated configuration (or, in tests, `testEnvironment()`).
 * No exceptions: specs that start child processes pass `testEnvironment().inherited`.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const SCANNED = ['apps', 'libs', 'scripts', 'bench', 'test'];
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'dist-bench', 'peer', 'results', 'work', 'coverage']);
const SOURCE = /\.(ts|tsx|js|mjs|cjs)$/;
const ALLOWED = new Set(['libs/config/environment.ts']);
// spelled apart so this spec does not find itself
const NEEDLE = ['process', 'env'].join('.');

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) yield* sourceFiles(join(dir, entry.name));
    } else if (SOURCE.test(entry.name)) {
      yield join(dir, entry.name);
    }
  }
}

describe('the process environment', () => {
  it('is read only by libs/config/environment.ts', () => {
    const offenders: string[] = [];
    for (const top of SCANNED) {
      for (const file of sourceFiles(join(ROOT, top))) {
        const path = relative(ROOT, file);
        if (ALLOWED.has(path)) continue;
        readFileSync(file, 'utf8')
          .split('\n')
          .forEach((line, i) => {
            if (line.includes(NEEDLE)) offenders.push(`${path}:${i + 1}: ${line.trim()}`);
          });
      }
    }
    expect(offenders).toEqual([]);
  });
});
