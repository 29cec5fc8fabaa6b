/**
 * The real ingest process (apps/ingest/main.ts) for the benchmark: compiled on its own
 * into bench/work/ingest-dist (like the process e2e test does, so dist/ and other people's
 * builds are left alone), started with BUS=kafka on a data directory, watched through its
 * JSON log lines on stdout.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ensureDir, REPO_ROOT, WORK_DIR } from './util.js';
import { testEnvironment } from '../../libs/config/index.js';
import { onCpus } from './placement.js';

/** Compiles apps/ingest/main.ts (and what it imports); returns the path of main.js. */
export function buildIngest(): string {
  const outDir = ensureDir(join(WORK_DIR, 'ingest-dist'));
  writeFileSync(
    join(outDir, 'tsconfig.json'),
    JSON.stringify({
      extends: join(REPO_ROOT, 'tsconfig.build.json'),
      compilerOptions: {
        outDir,
        rootDir: REPO_ROOT,
        sourceMap: true,
        incremental: true,
        tsBuildInfoFile: join(outDir, '.tsbuildinfo'),
      },
      files: [join(REPO_ROOT, 'apps/ingest/main.ts')],
      include: [],
    }),
  );
  const tsc = spawnSync(
    process.execPath,
    [join(REPO_ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(outDir, 'tsconfig.json')],
    { encoding: 'utf8' },
  );
  if (tsc.status !== 0) throw new Error(`tsc of the ingest failed: ${tsc.stdout}${tsc.stderr}`);
  return join(outDir, 'apps/ingest/main.js');
}

export interface IngestProcess {
  child: ChildProcess;
  /** Resolves at the first `command processed` / `command dead-lettered` line (ms, performance.now()). */
  firstSettled: Promise<number>;
  started: Promise<void>;
  /** User + system CPU seconds of the process so far (Linux /proc). */
  cpuSeconds(): number;
  stop(): Promise<number | null>;
  stderrTail(): string;
}

const TICKS = 100; // USER_HZ on Linux

/** `cpus`: the CPU list it runs on (bench/lib/placement.ts), or any. */
export function startIngestProcess(
  main: string,
  env: Record<string, string>,
  nodeArgs: string[] = [],
  cpus?: string,
): IngestProcess {
  const child = spawn(...onCpus(cpus, process.execPath, [...nodeArgs, main]), {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: testEnvironment().inherited.PATH, ...env },
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let onStarted!: () => void;
  let onFirst!: (t: number) => void;
  const started = new Promise<void>((resolve, reject) => {
    onStarted = resolve;
    void exited.then((c) => reject(new Error(`ingest exited (${c}) before starting: ${stderr}`)));
  });
  const firstSettled = new Promise<number>((resolve) => {
    onFirst = resolve;
  });
  let seenFirst = false;
  // Only the lines up to the first settled message are parsed; the rest is drained unread.
  createInterface({ input: child.stdout! }).on('line', (line) => {
    if (seenFirst) return;
    if (line.includes('"ingest started"')) onStarted();
    else if (line.includes('"command processed"') || line.includes('"command dead-lettered"')) {
      seenFirst = true;
      onFirst(performance.now());
    }
  });
  const cpuSeconds = () => {
    try {
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(fields[11]) + Number(fields[12])) / TICKS; // utime, stime
    } catch {
      return NaN;
    }
  };
  return {
    child,
    started,
    firstSettled,
    cpuSeconds,
    stderrTail: () => stderr,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
