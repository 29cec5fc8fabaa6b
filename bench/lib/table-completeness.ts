/**
 * `npm run bench -- --complete`: whether a run measured every row of issue 11's table. A row
 * is `[metric, Polku, peer or limit, ratio, target, status]` as bench/run.ts prints it.
 */

/** The rows the table must hold, by the start of their metric; `--complete` checks them. */
const REQUIRED_ROWS = [
  'one-event appends/s, 1 caller, vs the fsync limit',
  'one-event appends/s, 1 caller, vs the peer',
  'one-event appends/s, 16 concurrent callers, vs the peer',
  'stream reads/s (200 events), vs raw read+parse',
  'stream reads/s (200 events), vs the peer',
  'PostgreSQL: one-event appends/s, 1 caller',
  'PostgreSQL: one-event appends/s, 16 concurrent callers',
  'PostgreSQL: stream reads/s',
  'HTTP commands/s (',
  'HTTP command latency p50 / p99 ms',
  'rebuild events/s',
  'rebuild peak RSS MB',
  ...['path', 'caseload', 'worklist'].flatMap((kind) => [
    `${kind} query p50 / p99 ms (HTTP, the command process`,
    `${kind} query p50 / p99 ms (HTTP, a reads-only process`,
  ]),
  'Kafka ingest messages/s (', // (N partitions, publisher on)
  'Kafka ingest messages/s (publisher off)',
  'Kafka dead letters / publisher lag at ingest end',
];
/**
 * What keeps the run from being complete: a required row missing, a row with a target but no
 * ratio (a suite skipped or failed), dead letters, or HTTP requests the API refused (a bench
 * whose commands are refused would still print a rate).
 */
export function incompleteRows(table: string[][], http: Record<string, any> = {}): string[] {
  const missing = REQUIRED_ROWS.filter((start) => !table.some((r) => r[0].startsWith(start))).map(
    (start) => `missing: ${start}…`,
  );
  const unmeasured = table
    .filter(
      ([, , , ratio, target]) =>
        ratio === 'n/a' || (!['', 'report', '0 dead letters'].includes(target) && !ratio.endsWith('×')),
    )
    .map(([metric, ours]) => `no ratio: ${metric} (${ours})`);
  const deadLetters = table
    .filter(([metric, , , , , status]) => metric.startsWith('Kafka dead letters') && status !== 'met')
    .map(([metric, ours]) => `${metric}: ${ours}`);
  const loads: [string, any][] = [
    ['HTTP commands', http.commands],
    ['HTTP commands beside a reads-only process', http.readsApart?.commands],
    ...Object.entries(http.reads ?? {}).map(([k, v]): [string, any] => [`HTTP ${k} reads`, v]),
    ...Object.entries(http.readsApart?.reads ?? {}).map(([k, v]): [string, any] => [`HTTP ${k} reads (reads-only)`, v]),
  ];
  const refused = loads
    .filter(([, load]) => load && (load.non2xx > 0 || load.errors > 0))
    .map(
      ([what, load]) =>
        `${what}: ${load.non2xx} refused, ${load.errors} errors ${JSON.stringify(load.sampleErrors ?? [])}`,
    );
  return [...missing, ...unmeasured, ...deadLetters, ...refused];
}
