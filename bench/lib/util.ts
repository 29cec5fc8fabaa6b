/** Small helpers shared by the benchmark suites (no dependencies beyond Node). */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (bench/dist-bench/bench/lib → four levels up from this file). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
export const BENCH_DIR = join(REPO_ROOT, 'bench');
export const WORK_DIR = join(BENCH_DIR, 'work');

/**
 * Writes every dirty page of the machine to disk and waits for it: a suite that starts right
 * after gigabytes were written (the data, the rebuilt read store, a copy of the stores) would
 * otherwise measure its fsyncs queued behind that write-back, which belongs to what came before.
 */
export function flushDisk(): void {
  execFileSync('sync');
}

export function ensureDir(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** `--name value` or `--name=value`; flags without a value read as 'true'. */
export function argValue(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  if (i >= 0) {
    const next = argv[i + 1];
    return next === undefined || next.startsWith('--') ? 'true' : next;
  }
  return argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

export function argNumber(argv: string[], name: string, fallback: number): number {
  const raw = argValue(argv, name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a non-negative number, got "${raw}"`);
  return n;
}

/** Nearest-rank percentile of a list of numbers (milliseconds). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export const median = (values: number[]): number => percentile(values, 50);
export const round = (n: number, digits = 1): number =>
  Number.isFinite(n) ? Math.round(n * 10 ** digits) / 10 ** digits : n;

/** Peak resident set size of this process so far, in MB. */
export const peakRssMb = (): number => process.resourceUsage().maxRSS / 1024;

/** A suite prints exactly one JSON line on stdout as its result; logs go to stderr. */
export function emit(result: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(result, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))}\n`);
}

export const log = (message: string): void => {
  process.stderr.write(`${message}\n`);
};

/** Deterministic picks for query samples (no Math.random: runs stay comparable). */
export function* cycle<T>(items: T[], stride = 7919): Generator<T> {
  if (items.length === 0) return;
  for (let i = 0; ; i++) yield items[(i * stride) % items.length];
}
