import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/**
 * Runs the projector as a real OS process for e2e tests. Jest transpiles in memory, so the
 * harness compiles just the projector's import graph with tsc into the git-ignored .tmp/
 * inside the repo (so node_modules resolves), independent of `npm run build` and dist/.
 */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export async function buildProjector(): Promise<{ main: string; outDir: string }> {
  mkdirSync(join(REPO_ROOT, '.tmp'), { recursive: true });
  const outDir = mkdtempSync(join(REPO_ROOT, '.tmp', 'projector-e2e-'));
  const tsconfig = join(outDir, 'tsconfig.json');
  writeFileSync(tsconfig, JSON.stringify({
    extends: join(REPO_ROOT, 'tsconfig.build.json'),
    compilerOptions: { outDir, rootDir: REPO_ROOT, sourceMap: false, incremental: false },
    files: [join(REPO_ROOT, 'apps/projector/main.ts')],
    include: [],
  }));
  const tsc = spawn(process.execPath, [join(REPO_ROOT, 'node_modules/typescript/bin/tsc'), '-p', tsconfig], {
    cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  tsc.stdout!.on('data', (chunk) => { output += chunk; });
  tsc.stderr!.on('data', (chunk) => { output += chunk; });
  const code = await new Promise<number | null>((done) => tsc.once('close', done));
  if (code !== 0) throw new Error(`tsc failed (${code}):\n${output}`);
  return { main: join(outDir, 'apps/projector/main.js'), outDir };
}

export interface Exit { code: number | null; signal: NodeJS.Signals | null }

export interface RunningProjector {
  child: ChildProcess;
  /** Parsed JSON lines of stdout, in order. */
  lines: Record<string, unknown>[];
  stderr: () => string;
  /** Resolves with the first line (seen so far or later) matching `match`. */
  waitForLine(match: (line: Record<string, unknown>) => boolean, what: string, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Resolves when the process has exited and its output is fully read. */
  exited: Promise<Exit>;
}

export function startProjector(
  main: string, args: string[], env: Record<string, string>,
  onLine?: (line: Record<string, unknown>, child: ChildProcess) => void,
): RunningProjector {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  delete childEnv.NODE_OPTIONS; // Jest's --experimental-vm-modules is not for the child
  const child = spawn(process.execPath, [main, ...args], { cwd: REPO_ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: Record<string, unknown>[] = [];
  const waiters: { match: (line: Record<string, unknown>) => boolean; resolve: (line: Record<string, unknown>) => void }[] = [];
  let stderr = '';
  child.stderr!.on('data', (chunk) => { stderr += chunk; });
  createInterface({ input: child.stdout! }).on('line', (text) => {
    let line: Record<string, unknown>;
    try { line = JSON.parse(text); } catch { line = { raw: text }; }
    lines.push(line);
    onLine?.(line, child);
    for (const waiter of [...waiters]) {
      if (waiter.match(line)) { waiters.splice(waiters.indexOf(waiter), 1); waiter.resolve(line); }
    }
  });
  const exited = new Promise<Exit>((done) => child.once('close', (code, signal) => done({ code, signal })));

  const waitForLine: RunningProjector['waitForLine'] = (match, what, timeoutMs = 60_000) => {
    const seen = lines.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolveLine, reject) => {
      // a guard against hanging forever, not an assertion about speed
      const timer = setTimeout(() => reject(new Error(`no "${what}" line within ${timeoutMs} ms; stderr:\n${stderr}`)), timeoutMs);
      const resolveAndClear = (line: Record<string, unknown>) => { clearTimeout(timer); resolveLine(line); };
      waiters.push({ match, resolve: resolveAndClear });
      void exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`projector exited before a "${what}" line; stderr:\n${stderr}`));
      });
    });
  };
  return { child, lines, stderr: () => stderr, waitForLine, exited };
}

/** Waits for exit, failing with the process's stderr when it takes unreasonably long. */
export function exitOf(running: RunningProjector, timeoutMs = 120_000): Promise<Exit> {
  return new Promise((resolveExit, reject) => {
    const timer = setTimeout(() => reject(new Error(`projector still running after ${timeoutMs} ms; stderr:\n${running.stderr()}`)), timeoutMs);
    void running.exited.then((exit) => { clearTimeout(timer); resolveExit(exit); });
  });
}
