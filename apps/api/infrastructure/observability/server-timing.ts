import { AsyncLocalStorage } from 'node:async_hooks';
import type { AuditLog, LogWriteTiming } from '../../../../libs/audit-log/index.js';

/**
 * `Server-Timing` (W3C) on every answer: `app`, the time from the request's arrival to its
 * answer's headers, and `log`, the part spent waiting for the usage and disclosure log to be
 * durable (the law's "who saw what" is written before any data leaves), and of that, where the
 * log times its writes, `log-writer` (in the log's writer thread), `log-commit` (its
 * transaction: the write lock, the inserts, the fsync) and `log-lock` (of the commit, the wait
 * for the file's write lock, which the other API processes' writers share); the rest of `log`
 * is the hand-over to and from the writer. A caller, a browser's devtools or the bench can then
 * tell the API's own time from the network's and its own queue. Durations only: they say
 * nothing a caller could not time itself, less precisely.
 */
interface RequestTiming {
  started: bigint;
  logMs: number;
  /** Log writes seen: `log` is left out of the header when none was timed. */
  logWrites: number;
  /** The writer's own times of those writes, where the log gave them. */
  writer: { ms: number; commitMs: number; lockMs: number; writes: number };
}

const current = new AsyncLocalStorage<RequestTiming>();
/** Where serverTiming() leaves a request's timing for serverTimingContext(). */
const TIMING = Symbol('polku.serverTiming');
type TimedRequest = { [TIMING]?: RequestTiming };

interface Res {
  headersSent: boolean;
  setHeader(name: string, value: string): unknown;
  writeHead(...args: unknown[]): unknown;
}

const ms = (ns: bigint) => Number(ns) / 1e6;
const oneDecimal = (n: number) => Math.round(n * 10) / 10;

/** The header's value for a request timed so far. */
function serverTimingValue(timing: RequestTiming): string {
  const entries = [];
  if (timing.logWrites > 0) entries.push(`log;dur=${oneDecimal(timing.logMs)};desc="usage log"`);
  if (timing.writer.writes > 0)
    entries.push(
      `log-writer;dur=${oneDecimal(timing.writer.ms)};desc="usage log's writer"`,
      `log-commit;dur=${oneDecimal(timing.writer.commitMs)};desc="usage log's commit"`,
      `log-lock;dur=${oneDecimal(timing.writer.lockMs)};desc="usage log's write lock"`,
    );
  entries.push(`app;dur=${oneDecimal(ms(process.hrtime.bigint() - timing.started))}`);
  return entries.join(', ');
}

/**
 * Middleware, first of all (Express or Fastify's raw response): starts the request's clock
 * and sets the header as the answer's headers are written, whoever writes them (a handler,
 * the problem filter, a middleware refusing the request).
 */
export function serverTiming() {
  return (req: TimedRequest, res: Res, next: () => void) => {
    const timing: RequestTiming = {
      started: process.hrtime.bigint(),
      logMs: 0,
      logWrites: 0,
      writer: { ms: 0, commitMs: 0, lockMs: 0, writes: 0 },
    };
    req[TIMING] = timing;
    const writeHead = res.writeHead;
    res.writeHead = function (this: Res, ...args: unknown[]) {
      if (!this.headersSent) this.setHeader('Server-Timing', serverTimingValue(timing));
      return writeHead.apply(this, args);
    };
    next();
  };
}

/**
 * Middleware, after the body is read: the rest of the request runs with its timing as the
 * async context, where timedAuditLog finds it. (Set before the body parser, the context
 * would be lost in the request stream's callbacks.)
 */
export function serverTimingContext() {
  return (req: TimedRequest, _res: unknown, next: () => void) => {
    const timing = req[TIMING];
    if (timing) current.run(timing, next);
    else next();
  };
}

/**
 * The audit log with each write's wait counted as the current request's `log` time, and
 * handed to `onWait` (seconds; the API's `polku_usage_log_wait_seconds`).
 */
export function timedAuditLog(log: AuditLog, onWait: (seconds: number) => void = () => undefined): AuditLog {
  const timed = async (write: Promise<LogWriteTiming | undefined>): Promise<LogWriteTiming | undefined> => {
    const timing = current.getStore();
    const started = process.hrtime.bigint();
    try {
      const inWriter = await write;
      if (timing && inWriter) {
        timing.writer.ms += inWriter.inWriterMs;
        timing.writer.commitMs += inWriter.commitMs;
        timing.writer.lockMs += inWriter.lockMs;
        timing.writer.writes += 1;
      }
      return inWriter;
    } finally {
      const waited = ms(process.hrtime.bigint() - started);
      onWait(waited / 1000);
      if (timing) {
        timing.logMs += waited;
        timing.logWrites += 1;
      }
    }
  };
  return {
    recordUsage: (entries) => timed(log.recordUsage(entries)),
    recordDisclosures: (entries) => timed(log.recordDisclosures(entries)),
    record: (usage, disclosures) => timed(log.record(usage, disclosures)),
    usage: (query) => log.usage(query),
    disclosures: (query) => log.disclosures(query),
    close: () => log.close(),
  };
}
