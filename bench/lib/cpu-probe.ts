/**
 * The speed of one core at a moment, as a fixed piece of work like Polku's own: JSON of a
 * document the size of a client's path (~30 KB), and SHA-256 over it. Timed before each suite
 * (bench/run.ts), in a fresh process each time, it tells a run on a slower machine — a host that lowers the clock, or
 * neighbours that share its caches, which the stolen time does not show — from slower code.
 * Lower is faster; compare probes within a run, where the work is the same.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';

/** ~30 KB of JSON: 120 service periods with their dates, like a path document's. */
const DOCUMENT = {
  clientId: 'te-keski-suomi:probe',
  periods: Array.from({ length: 120 }, (_, i) => ({
    periodId: `period-${i}`,
    kind: i % 3 === 0 ? 'work_trial' : 'rehabilitative_work',
    provider: { organisationId: `provider-${i % 7}`, name: `Palveluntuottaja ${i % 7}` },
    from: `2026-${String((i % 12) + 1).padStart(2, '0')}-01`,
    hoursPerDay: 4 + (i % 4),
    attendedDates: Array.from({ length: 8 }, (_, d) => `2026-01-${String(d + 1).padStart(2, '0')}`),
  })),
};

const ROUNDS = 120;

/** One round of the work, timed (ms). */
function once(): number {
  const started = performance.now();
  let digest = '';
  for (let i = 0; i < ROUNDS; i++) {
    const text = JSON.stringify(DOCUMENT);
    const back = JSON.parse(text) as typeof DOCUMENT;
    digest = createHash('sha256').update(text).update(digest).update(back.clientId).digest('hex');
  }
  if (digest.length !== 64) throw new Error('cpu probe: unexpected digest');
  return performance.now() - started;
}

/** The fastest of three rounds (ms, one decimal): the least disturbed by what else runs meanwhile. */
export function cpuProbeMs(): number {
  once(); // compiled and warm before it is timed
  return Math.round(Math.min(once(), once(), once()) * 10) / 10;
}

/**
 * The probe in a fresh Node process (bench/lib/cpu-probe-main.ts): the same state every time,
 * whatever the calling process has loaded or allocated. Measured on this VM, back to back: 20–21
 * ms in a fresh process, 26–28 ms in one that had loaded the configuration module first.
 */
export function cpuProbeInFreshProcess(): number {
  const main = fileURLToPath(new URL('./cpu-probe-main.js', import.meta.url));
  const run = spawnSync(process.execPath, [main], { encoding: 'utf8' });
  const ms = Number(run.stdout.trim());
  if (run.status !== 0 || !Number.isFinite(ms)) throw new Error(`cpu probe failed (${run.status}): ${run.stderr}`);
  return ms;
}
