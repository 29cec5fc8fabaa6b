/**
 * `npm run generate -- --clients N --years Y --seed S [--out data-dir] [--start YYYY-MM-DD]`
 *
 * Writes realistic TYP service paths through the domain into `<out>/events.sqlite`
 * (SqliteEventStore) plus `<out>/manifest.json` (ids the benchmarks use). Deterministic for
 * a seed: ids, dates and recorded times come from a seeded PRNG and a fixed clock.
 * Refuses to write into an existing event store (delete the directory first).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SqliteEventStore } from '../../libs/adapters/sqlite-event-store/index.js';
import { SqliteKeyStore } from '../../libs/adapters/sqlite-key-store/index.js';
import { ProtectedEventStore } from '../../libs/event-store/protection/index.js';
import { generate } from './generate.js';

export interface CliArgs {
  clients: number;
  years: number;
  seed: string;
  out: string;
  start?: string;
  quiet: boolean;
}

export function parseArgs(argv: string[]): CliArgs {
  const get = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  };
  const num = (name: string, fallback: number): number => {
    const raw = get(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, got "${raw}"`);
    return n;
  };
  return {
    clients: Math.floor(num('clients', 1000)),
    years: num('years', 1),
    seed: get('seed') ?? '1',
    out: resolve(get('out') ?? `./data/generated-${get('clients') ?? 1000}`),
    start: get('start'),
    quiet: argv.includes('--quiet'),
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const path = join(args.out, 'events.sqlite');
  if (existsSync(path)) throw new Error(`${path} exists already: remove ${args.out} or choose another --out`);
  mkdirSync(args.out, { recursive: true });
  // through the protected store, as the API writes: personal fields encrypted with per-client
  // keys in <out>/keys.sqlite (the contents stay deterministic for a seed; the ciphertext does not)
  // bulk load: no fsync per append (a crash midway leaves a data set to delete anyway)
  const keys = SqliteKeyStore.open(join(args.out, 'keys.sqlite'), { durability: 'bulk-load' });
  const store = new ProtectedEventStore(SqliteEventStore.open(path, { durability: 'bulk-load' }), keys);
  try {
    const { stats, manifest } = await generate(store, {
      clients: args.clients,
      years: args.years,
      seed: args.seed,
      start: args.start,
      onProgress: args.quiet
        ? undefined
        : (p) => process.stderr.write(`  ${p.month}: ${p.events} events, ${p.seconds.toFixed(1)} s\n`),
    });
    writeFileSync(join(args.out, 'manifest.json'), JSON.stringify(manifest));
    const rejected = Object.values(stats.rejected).reduce((a, b) => a + b, 0);
    process.stdout.write(
      `${JSON.stringify({
        msg: 'generated',
        out: args.out,
        activeClients: args.clients,
        clients: stats.clients,
        years: args.years,
        seed: args.seed,
        from: manifest.start,
        to: manifest.end,
        events: stats.events,
        commands: stats.commands,
        appends: stats.appends,
        eventsPerActiveClientYear: +(stats.events / args.clients / args.years).toFixed(1),
        seconds: +stats.seconds.toFixed(1),
        eventsPerSecond: Math.round(stats.eventsPerSecond),
        decideSeconds: +stats.decideSeconds.toFixed(1),
        appendSeconds: +stats.appendSeconds.toFixed(1),
        rejected,
        rejectedByRule: stats.rejected,
        byType: stats.byType,
      })}\n`,
    );
    if (rejected > 0) process.exitCode = 3;
  } finally {
    await store.close();
    await keys.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`generate failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
