import type { EventStore } from '../../libs/event-store/index.js';
import { addDays, addMonths, type IsoDate } from '../../libs/domain/index.js';
import { ClientSim, type ClientSummary, type GenStats } from './client-sim.js';
import { Rng } from './prng.js';
import { buildWorld, type World } from './world.js';

export interface GenerateOptions {
  clients: number;
  years: number;
  seed: string;
  /** First business day of the generated history (default 2025-01-01, the TYP law 381/2023). */
  start?: IsoDate;
  /** Clients join over this many days from the start (default 60). */
  rampDays?: number;
  onProgress?: (p: { month: string; events: number; seconds: number }) => void;
}

export interface GenerateResult {
  stats: GenStats & {
    appends: number;
    clients: number;
    seconds: number;
    eventsPerSecond: number;
    decideSeconds: number;
    appendSeconds: number;
  };
  manifest: Manifest;
}

/** What the benchmarks need to know about the generated data (ids, who is who, active periods). */
export interface Manifest {
  seed: string;
  clients: number;
  years: number;
  start: IsoDate;
  end: IsoDate;
  events: number;
  organisations: { employment: string[]; wellbeing: string[]; providers: string[] };
  officers: string[];
  instructors: string[];
  clientSummaries: ClientSummary[];
}

export const clientIdOf = (seed: string, i: number): string => `c${seed}-${String(i).padStart(6, '0')}`;

/**
 * Generates `clients` histories over `years` through the domain (decide/evolve on in-memory
 * state) and appends them month by month: each month every client's new events go to the
 * store in one appendToStream with the expected version, so the global order interleaves
 * clients the way real traffic does.
 */
export async function generate(store: EventStore, options: GenerateOptions): Promise<GenerateResult> {
  const start = options.start ?? '2025-01-01';
  const end = addDays(addMonths(start, Math.round(options.years * 12)), -1);
  const world: World = buildWorld(options.clients, options.seed);
  const stats: GenStats = { commands: 0, events: 0, rejected: {}, byType: {} };
  const rng = new Rng(`${options.seed}/starts`);
  const ramp = Math.max(0, Math.min(options.rampDays ?? 60, Math.round(options.years * 365) - 1));
  const sims: ClientSim[] = [];
  // `clients` is the active population: a client who leaves for good is replaced by a new one
  const spawn = (on: IsoDate): void => {
    const i = sims.length;
    const sim = new ClientSim(
      clientIdOf(options.seed, i),
      world.regions[i % world.regions.length],
      world.kela,
      options.seed,
      stats,
      end,
    );
    sim.onLeave = (left) => spawn(addDays(left, rng.int(0, 30)));
    sim.begin(on);
    sims.push(sim);
  };
  for (let i = 0; i < options.clients; i++) spawn(addDays(start, rng.int(0, ramp)));
  const began = performance.now();
  let decideMs = 0;
  let appendMs = 0;
  let appends = 0;
  for (let month = start; month <= end; month = addMonths(month, 1)) {
    const last = addDays(addMonths(month, 1), -1);
    const until = last < end ? last : end;
    // by index: clients spawned during the month take part in it
    for (let c = 0; c < sims.length; c++) {
      const sim = sims[c];
      const t0 = performance.now();
      sim.runUntil(until);
      const t1 = performance.now();
      decideMs += t1 - t0;
      if (sim.pending.length === 0) continue;
      const events = sim.pending;
      sim.pending = [];
      await store.appendToStream(sim.clientId, events, { expectedVersion: sim.version });
      sim.version += BigInt(events.length);
      appends += 1;
      appendMs += performance.now() - t1;
    }
    options.onProgress?.({
      month: month.slice(0, 7),
      events: stats.events,
      seconds: (performance.now() - began) / 1000,
    });
  }
  const seconds = (performance.now() - began) / 1000;
  const regions = world.regions;
  return {
    stats: {
      ...stats,
      appends,
      clients: sims.length,
      seconds,
      eventsPerSecond: stats.events / seconds,
      decideSeconds: decideMs / 1000,
      appendSeconds: appendMs / 1000,
    },
    manifest: {
      seed: options.seed,
      clients: sims.length,
      years: options.years,
      start,
      end,
      events: stats.events,
      organisations: {
        employment: regions.map((r) => r.te.organisationId),
        wellbeing: regions.map((r) => r.sote.organisationId),
        providers: regions.flatMap((r) => r.kutyProviders.map((p) => p.organisationId)),
      },
      officers: regions.flatMap((r) => [...r.teOfficers, ...r.soteOfficers].map((o) => o.personId)),
      instructors: regions.flatMap((r) => r.kutyProviders.flatMap((p) => p.instructors.map((o) => o.personId))),
      clientSummaries: sims.map((s) => s.summary()),
    },
  };
}
