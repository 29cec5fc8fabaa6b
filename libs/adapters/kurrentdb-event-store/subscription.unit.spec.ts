import { anEvent } from '../../event-store/contract/index.js';
import { EventStoreFailureError } from '../../event-store/index.js';
import type { RecordedEvent } from '../../events/index.js';
import { backoffDelay, RESUBSCRIBE_BACKOFF, sleep } from './backoff.js';
import { followFrom, type EventSource } from './subscription.js';

const at = (position: bigint): RecordedEvent => ({
  ...anEvent('c-1'),
  streamVersion: position,
  globalPosition: position,
});
const FAST = { initialMs: 1, maxMs: 4, factor: 2 };

/**
 * A scripted source standing in for KurrentDB's subscription (the real one runs in the
 * integration spec): each subscription serves the log after `after`, then does what the
 * script says for that attempt (drop with an error, end, or stay open until aborted).
 */
function scripted(log: bigint[], script: Array<{ deliver: number; afterwards: 'error' | 'end' | 'hang' }>) {
  const subscriptions: bigint[] = [];
  const source: EventSource = async function* (after, signal) {
    const step = script[subscriptions.length] ?? { deliver: Infinity, afterwards: 'hang' };
    subscriptions.push(after);
    // A resubscription may hand back the boundary event again: the follower must skip it.
    const events = log.filter((p) => p >= after).slice(0, step.deliver);
    for (const p of events) yield at(p);
    if (step.afterwards === 'error') throw new Error('connection reset');
    if (step.afterwards === 'hang' && !signal.aborted)
      await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
  };
  return { source, subscriptions };
}

describe('resubscribe backoff schedule', () => {
  it('doubles from 200 ms up to 30 s', () => {
    expect(RESUBSCRIBE_BACKOFF).toEqual({ initialMs: 200, maxMs: 30_000, factor: 2 });
    expect([0, 1, 2, 3, 7, 8, 50, 5000].map((n) => backoffDelay(n))).toEqual([
      200, 400, 800, 1600, 25_600, 30_000, 30_000, 30_000,
    ]);
    expect(() => backoffDelay(-1)).toThrow(RangeError);
  });

  it('sleeps less when aborted', async () => {
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 10);
    await sleep(60_000, controller.signal);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('followFrom (catch-up that resubscribes after drops)', () => {
  it('resumes from the last processed position after errors and ends, each event once, in order', async () => {
    // Each subscription repeats the event AT its start position (10, then 20, 20, 30): skipped.
    const { source, subscriptions } = scripted(
      [10n, 20n, 30n, 40n, 50n],
      [
        { deliver: 2, afterwards: 'error' },
        { deliver: 0, afterwards: 'error' },
        { deliver: 2, afterwards: 'end' },
        { deliver: Infinity, afterwards: 'hang' },
      ],
    );
    const seen: bigint[] = [];
    const drops: Array<{ resumeAfter: bigint; delayMs: number }> = [];
    const controller = new AbortController();
    await followFrom(
      source,
      10n,
      (event) => {
        seen.push(event.globalPosition);
        if (event.globalPosition === 50n) controller.abort();
      },
      controller.signal,
      { backoff: FAST, onDrop: ({ resumeAfter, delayMs }) => drops.push({ resumeAfter, delayMs }) },
    );
    expect(seen).toEqual([20n, 30n, 40n, 50n]);
    expect(subscriptions).toEqual([10n, 20n, 20n, 30n]);
    // The backoff grows while nothing gets through and resets after a processed event.
    expect(drops).toEqual([
      { resumeAfter: 20n, delayMs: 1 },
      { resumeAfter: 20n, delayMs: 2 },
      { resumeAfter: 30n, delayMs: 1 },
    ]);
  });

  it('rejects with the handler error, without resubscribing', async () => {
    const { source, subscriptions } = scripted([1n, 2n], []);
    const failure = new Error('projection failed');
    await expect(
      followFrom(
        source,
        0n,
        (e) => {
          if (e.globalPosition === 2n) throw failure;
        },
        new AbortController().signal,
        { backoff: FAST },
      ),
    ).rejects.toBe(failure);
    expect(subscriptions).toEqual([0n]);
  });

  it('rejects on an event that can never be read (non-retryable), resolves at once when already aborted', async () => {
    // biome-ignore lint/correctness/useYield: a source that fails before its first event
    const poison: EventSource = async function* () {
      throw new EventStoreFailureError('not a Polku event', false);
    };
    await expect(
      followFrom(poison, 0n, () => undefined, new AbortController().signal, { backoff: FAST }),
    ).rejects.toThrow('not a Polku event');
    const { source, subscriptions } = scripted([1n], []);
    const controller = new AbortController();
    controller.abort();
    await followFrom(source, 0n, () => undefined, controller.signal);
    expect(subscriptions).toEqual([]);
  });
});
