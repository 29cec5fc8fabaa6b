/**
 * Node's process warnings, routed into a process's JSON log. By default Node prints them on
 * stderr as plain text with a stack, several lines each, which breaks "one JSON object per line"
 * for a log shipper.
 */

/** A warning known to be harmless: logged once, with why, instead of each time. */
export interface KnownWarning {
  /** The warning's name, e.g. `TimeoutNegativeWarning`. */
  name: string;
  /** A fragment of the path of the file that raises it (its stack's first frames). */
  raisedIn: string;
  /** Why it is harmless, and the upstream issue; drop the entry when the dependency is fixed. */
  why: string;
}

export const KNOWN_HARMLESS_WARNINGS: readonly KnownWarning[] = [
  {
    name: 'TimeoutNegativeWarning',
    raisedIn: '/kafkajs/src/network/requestQueue/',
    why: 'kafkajs 2.2.4 schedules its check of pending requests with a negative delay when the broker is not throttling (tulios/kafkajs#1751, unfixed upstream); Node 24+ warns and runs it after 1 ms, which is the check kafkajs means',
  },
];

/** A type, not an interface: it goes where a log takes `Record<string, unknown>`. */
export type ProcessWarningEntry = {
  level: 'info' | 'warn';
  msg: 'process warning';
  name: string;
  code?: string;
  warning: string;
  /** A known harmless warning: why, and that its repeats are not logged. */
  known?: string;
  stack?: string;
};

/** Where in a warning's stack to look for who raised it: the frames nearest to it. */
const FRAMES_LOOKED_AT = 4;

const knownOf = (warning: Error, known: readonly KnownWarning[]) => {
  const frames = (warning.stack ?? '')
    .split('\n')
    .slice(1, 1 + FRAMES_LOOKED_AT)
    .join('\n');
  return known.find((k) => k.name === warning.name && frames.includes(k.raisedIn));
};

/**
 * From now on this thread's process warnings go to `log` instead of stderr: a known harmless
 * one once (level info), any other each time (level warn, with its stack). Node's own printer
 * is taken off; the function returned puts it back. Call it in each thread that runs
 * third-party code: a worker's warnings are its own.
 */
export function routeProcessWarnings(
  log: (entry: ProcessWarningEntry) => void,
  known: readonly KnownWarning[] = KNOWN_HARMLESS_WARNINGS,
): () => void {
  const printers = process.listeners('warning');
  for (const printer of printers) process.off('warning', printer);
  const seen = new Set<KnownWarning>();
  const onWarning = (warning: Error & { code?: string }) => {
    const k = knownOf(warning, known);
    if (k && seen.has(k)) return;
    if (k) seen.add(k);
    log({
      level: k ? 'info' : 'warn',
      msg: 'process warning',
      name: warning.name,
      ...(warning.code !== undefined && { code: warning.code }),
      warning: warning.message,
      ...(k ? { known: `${k.why}; its repeats are not logged` } : { stack: warning.stack }),
    });
  };
  process.on('warning', onWarning);
  return () => {
    process.off('warning', onWarning);
    for (const printer of printers) process.on('warning', printer);
  };
}
