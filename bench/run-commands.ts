/**
 * `node bench/dist-bench/bench/run-commands.js <data dir> [commands] [in flight]`: CPU per
 * command of the write path without HTTP (executeClientCommand on a copy of the stores:
 * state load, decision, protected append with group commit, cache), on attendance reports
 * and goal reviews spread over the clients with a running KUTY period, as the HTTP bench sends.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configureClientStateCache, executeClientCommand, type CommandEnvelope } from '../libs/application/index.js';
import { addDays } from '../libs/domain/index.js';
import { readManifest } from './lib/manifest.js';
import { openProtectedStore } from './lib/data-stores.js';

const [dir, countArg, inFlightArg] = process.argv.slice(2);
const count = Number(countArg ?? 6000);
const inFlight = Number(inFlightArg ?? 16);
const manifest = readManifest(join(dir, 'manifest.json'));
const work = mkdtempSync(join(tmpdir(), 'polku-run-commands-'));
for (const name of ['events.sqlite', 'keys.sqlite']) copyFileSync(join(dir, name), join(work, name));
const { store, keys } = openProtectedStore(work);
// a small cache: as with 100,000 clients, a client's next command finds its state evicted
configureClientStateCache(store, { maxClients: 100, ttlMs: 60_000 });
const today = addDays(manifest.end, 28);
const now = new Date(`${today}T12:00:00.000Z`);

const commands: CommandEnvelope[] = [];
for (const c of manifest.clientSummaries) {
  const k = c.kuty;
  if (!k || !c.responsibleOfficerId) continue;
  const i = k.instructor;
  const envelope = {
    clientId: c.clientId,
    actor: {
      personId: i.personId,
      displayName: i.displayName,
      organisationId: i.organisationId,
      organisationType: i.organisationType,
    },
    correlationId: `bench-${commands.length}`,
    access: { role: 'officer' as const, personId: i.personId, organisationId: i.organisationId },
  } as Omit<CommandEnvelope, 'command'>;
  const date = addDays(manifest.end, 3);
  commands.push({
    ...envelope,
    command: {
      type: 'ReportAttendance',
      data: { periodId: k.periodId, attendedDates: [date], hoursPerDay: k.hoursPerDay },
    },
  } as CommandEnvelope);
  commands.push({
    ...envelope,
    command: {
      type: 'HoldGoalReview',
      data: {
        periodId: k.periodId,
        heldOn: today,
        participants: { client: true, responsibleOfficerId: c.responsibleOfficerId, ownInstructorId: i.personId },
        assessment: 'Attends regularly',
      },
    },
  } as CommandEnvelope);
}
// spread: a client's two commands far apart, so nearly every command misses the state cache
const spread = [...commands.filter((_, i) => i % 2 === 0), ...commands.filter((_, i) => i % 2 === 1)].slice(0, count);

let failed = 0;
let next = 0;
const chunk = 500;
const chunks: number[] = [];
const wall = performance.now();
// CPU per chunk of commands: the median leaves out the first (JIT warm-up) and a noisy neighbour
while (next < spread.length) {
  const first = next;
  const end = Math.min(next + chunk, spread.length);
  const start = process.cpuUsage();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < end) {
        const cmd = spread[next++];
        await executeClientCommand(store, cmd, now).catch((error: unknown) => {
          if (failed++ < 3) process.stderr.write(`${(error as Error).name}: ${(error as Error).message}\n`);
        });
      }
    }),
  );
  const cpu = process.cpuUsage(start);
  if (end - first === chunk) chunks.push((cpu.user + cpu.system) / 1000 / chunk);
}
const sorted = chunks.slice(1).sort((a, b) => a - b);
process.stdout.write(
  `${JSON.stringify({
    commands: spread.length,
    failed,
    cpuMsPerCommand: +sorted[Math.floor(sorted.length / 2)].toFixed(4),
    cpuMsPerCommandMin: +sorted[0].toFixed(4),
    perSecond: Math.round(spread.length / ((performance.now() - wall) / 1000)),
  })}\n`,
);
await store.close();
await keys.close();
rmSync(work, { recursive: true, force: true });
