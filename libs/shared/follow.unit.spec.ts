import { followUntilAborted } from './backoff.js';

/** The follow loop: idle polling, and waking early when the store announces news. */
describe('followUntilAborted', () => {
  it('steps again as soon as waitForNews resolves, long before the idle delay', async () => {
    const controller = new AbortController();
    let steps = 0;
    let announce: () => void = () => undefined;
    await followUntilAborted(
      async () => {
        steps += 1;
        if (steps === 3) controller.abort();
        return { events: 0 };
      },
      controller.signal,
      {
        idleBackoffMs: { min: 600_000, max: 600_000 },
        waitForNews: () =>
          new Promise<void>((resolve) => {
            announce = resolve;
            setImmediate(() => announce());
          }),
      },
    );
    expect(steps).toBe(3);
  });

  it('keeps polling on the idle delay when waitForNews rejects (no notifications)', async () => {
    const controller = new AbortController();
    let steps = 0;
    let waits = 0;
    await followUntilAborted(
      async () => {
        steps += 1;
        if (steps === 3) controller.abort();
        return { events: 0 };
      },
      controller.signal,
      {
        idleBackoffMs: { min: 1, max: 1 },
        waitForNews: async () => {
          waits += 1;
          throw new Error('listener down');
        },
      },
    );
    expect(steps).toBe(3);
    expect(waits).toBe(2);
  });

  it('ends a wait for news when the loop is stopped', async () => {
    const controller = new AbortController();
    let ended = false;
    const loop = followUntilAborted(async () => ({ events: 0 }), controller.signal, {
      idleBackoffMs: { min: 600_000, max: 600_000 },
      waitForNews: (signal) =>
        new Promise<void>((resolve) =>
          signal.addEventListener('abort', () => {
            ended = true;
            resolve();
          }),
        ),
    });
    await new Promise((resolve) => setImmediate(resolve));
    controller.abort();
    await loop;
    expect(ended).toBe(true);
  });
});
