import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { testEnvironment } from '../../../libs/config/index.js';

/**
 * Runs the projector as a real OS process for e2e tests. Jest transpiles in memory, so the
 * harness compiles just the projector's import graph with tsc into the git-ignored .tmp/
 * inside the repo (so node_modules resolves), independent of `npm run build` and dist/.
 */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export function buildProjector(timeoutMs = 150_000): Promise<{ main: string; outDir: string }> {
  // the fold worker is started by file name, not imported: name it too
  return buildEntries(['apps/projector/main.ts', 'apps/projector/runtime/fold-worker/fold-worker.ts'], timeoutMs);
}

/** Compiles the import graphs of `entries` (repo-relative .ts); `main` is the first one's .js. */
export async function buildEntries(entries: string[], timeoutMs = 150_000): Promise<{ main: string; outDir: string }> {
  mkdirSync(join(REPO_ROOT, '.tmp'), { recursive: true });
  const outDir = mkdtempSync(join(REPO_ROOT, '.tmp', 'process-e2e-'));
  const tsconfig = join(outDir, 'tsconfig.json');
  writeFileSync(
    tsconfig,
    JSON.stringify({
      extends: join(REPO_ROOT, 'tsconfig.build.json'),
      compilerOptions: { outDir, rootDir: REPO_ROOT, sourceMap: false, incremental: false },
      files: entries.map((entry) => join(REPO_ROOT, entry)),
      include: [],
    }),
  );
  // tsc follows main.ts's imports: the runtime, the stores, libs/projections, libs/domain, ...
  const tsc = spawn(process.execPath, [join(REPO_ROOT, 'node_modules/typescript/bin/tsc'), '-p', tsconfig], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  tsc.stdout!.on('data', (chunk) => {
    output += chunk;
  });
  tsc.stderr!.on('data', (chunk) => {
    output += chunk;
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    tsc.kill('SIGKILL');
  }, timeoutMs);
  const code = await new Promise<number | null>((done) => tsc.once('close', done)).finally(() => clearTimeout(timer));
  if (timedOut) throw new Error(`tsc did not finish within ${timeoutMs} ms:\n${output}`);
  if (code !== 0) throw new Error(`tsc failed (${code}):\n${output}`);
  return { main: join(outDir, entries[0].replace(/\.ts$/, '.js')), outDir };
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface RunningProjector {
  child: ChildProcess;
  /** Parsed JSON lines of stdout, in order. */
  lines: Record<string, unknown>[];
  stderr: () => string;
  /** The first "projector error, retrying" line on stderr, as an Error; null while there is none. */
  failure: () => Error | null;
  /** Calls `listener` once with that error (at once if already seen); returns an unsubscribe. */
  onFailure(listener: (error: Error) => void): () => void;
  /**
   * Resolves with the first line (seen so far or later) matching `match`. Rejects when the
   * process exits first, logs a projector error, or after `timeoutMs`.
   */
  waitForLine(
    match: (line: Record<string, unknown>) => boolean,
    what: string,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>;
  /** Resolves when the process has exited and its output is fully read. */
  exited: Promise<Exit>;
}

/** The line the projector writes to stderr before retrying a failed catch-up (follow mode). */
export const RETRY_ERROR_MSG = 'projector error, retrying';

const alive = new Set<ChildProcess>();

/**
 * SIGKILLs every process this harness started that is still running and waits (bounded)
 * until they are gone: for afterEach/afterAll, so no child outlives its test.
 */
export async function killStragglers(timeoutMs = 10_000): Promise<void> {
  const children = [...alive];
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((done) => {
          const timer = setTimeout(done, timeoutMs);
          child.once('close', () => {
            clearTimeout(timer);
            done();
          });
          child.kill('SIGKILL');
        }),
    ),
  );
}

export function startProjector(
  main: string,
  args: string[],
  env: Record<string, string>,
  onLine?: (line: Record<string, unknown>, child: ChildProcess) => void,
): RunningProjector {
  const childEnv: NodeJS.ProcessEnv = { ...testEnvironment().inherited, ...env };
  delete childEnv.NODE_OPTIONS; // Jest's --experimental-vm-modules is not for the child
  const child = spawn(process.execPath, [main, ...args], {
    cwd: REPO_ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  alive.add(child);
  const lines: Record<string, unknown>[] = [];
  const waiters: {
    match: (line: Record<string, unknown>) => boolean;
    resolve: (line: Record<string, unknown>) => void;
  }[] = [];
  let stderr = '';
  let failure: Error | null = null;
  const failureListeners = new Set<(error: Error) => void>();
  const onFailure: RunningProjector['onFailure'] = (listener) => {
    if (failure) {
      listener(failure);
      return () => {};
    }
    failureListeners.add(listener);
    return () => failureListeners.delete(listener);
  };
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  createInterface({ input: child.stderr! }).on('line', (text) => {
    let line: Record<string, unknown>;
    try {
      line = JSON.parse(text);
    } catch {
      return;
    }
    if (line.msg !== RETRY_ERROR_MSG || failure) return;
    // follow mode would retry forever: fail the test now, with the projector's error
    failure = new Error(`projector logged "${RETRY_ERROR_MSG}": ${String(line.error)}\nstderr:\n${stderr}`);
    for (const listener of failureListeners) listener(failure);
    failureListeners.clear();
  });
  createInterface({ input: child.stdout! }).on('line', (text) => {
    let line: Record<string, unknown>;
    try {
      line = JSON.parse(text);
    } catch {
      line = { raw: text };
    }
    lines.push(line);
    onLine?.(line, child);
    for (const waiter of [...waiters]) {
      if (waiter.match(line)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  });
  const exited = new Promise<Exit>((done) =>
    child.once('close', (code, signal) => {
      alive.delete(child);
      done({ code, signal });
    }),
  );

  const waitForLine: RunningProjector['waitForLine'] = (match, what, timeoutMs = 60_000) => {
    const seen = lines.find(match);
    if (seen) return Promise.resolve(seen);
    if (failure) return Promise.reject(failure);
    return new Promise((resolveLine, reject) => {
      let settled = false;
      const settle = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        fn();
      };
      // a guard against hanging forever, not an assertion about speed
      const timer = setTimeout(
        () => settle(() => reject(new Error(`no "${what}" line within ${timeoutMs} ms; stderr:\n${stderr}`))),
        timeoutMs,
      );
      waiters.push({ match, resolve: (line) => settle(() => resolveLine(line)) });
      onFailure((error) => settle(() => reject(error)));
      void exited.then(() =>
        settle(() => reject(new Error(`projector exited before a "${what}" line; stderr:\n${stderr}`))),
      );
    });
  };
  return { child, lines, stderr: () => stderr, failure: () => failure, onFailure, waitForLine, exited };
}

/**
 * Waits for exit. Fails with the process's stderr when it takes unreasonably long or when
 * it logs a projector error (in follow mode it would retry forever instead of exiting).
 */
export function exitOf(running: RunningProjector, timeoutMs = 120_000): Promise<Exit> {
  return new Promise((resolveExit, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`projector still running after ${timeoutMs} ms; stderr:\n${running.stderr()}`));
    }, timeoutMs);
    const unsubscribe = running.onFailure((error) => {
      clearTimeout(timer);
      reject(error);
    });
    void running.exited.then((exit) => {
      unsubscribe();
      clearTimeout(timer);
      resolveExit(exit);
    });
  });
}

/** Waits for exit and expects a clean one: code 0, nothing on stderr (shown when it fails). */
export async function expectCleanExit(running: RunningProjector, timeoutMs?: number): Promise<void> {
  const exit = await exitOf(running, timeoutMs);
  expect({ ...exit, stderr: running.stderr() }).toEqual({ code: 0, signal: null, stderr: '' });
}
