import type { EventStore } from '../../../../libs/event-store/index.js';
import type { ReadStore } from '../../../../libs/read-store/index.js';
import { ProblemException, ProblemTypes } from '../../infrastructure/problem/index.js';
import { sleep } from '../../../../libs/shared/index.js';

/**
 * Read-your-writes: a command returns the position of its last event; a read with
 * ?minPosition= waits (bounded) until the projector has applied it, else answers 503.
 * A position beyond the last recorded event was never returned by a command: waiting could
 * not help, so it is refused at once (422, naming the field).
 */
export async function waitForProjection(
  store: ReadStore,
  minPosition: bigint | undefined,
  events: Pick<EventStore, 'headPosition'>,
  maxWaitMs = 10_000,
): Promise<bigint> {
  let checkpoint = await store.checkpoint();
  if (minPosition === undefined || checkpoint >= minPosition) return checkpoint;
  const head = await events.headPosition();
  if (minPosition > head) {
    throw new ProblemException({
      type: ProblemTypes.positionNotRecorded,
      title: 'Position not recorded',
      status: 422,
      field: 'minPosition',
      detail: `minPosition ${minPosition} is beyond the last recorded event (${head}): pass a position a command returned.`,
    });
  }
  const deadline = Date.now() + maxWaitMs;
  for (let delay = 10; Date.now() < deadline; delay = Math.min(delay * 2, 250)) {
    await sleep(delay);
    checkpoint = await store.checkpoint();
    if (checkpoint >= minPosition) return checkpoint;
  }
  throw new ProblemException({
    type: ProblemTypes.serviceUnavailable,
    title: 'Projection behind',
    status: 503,
    detail: `The read models are at position ${checkpoint}; position ${minPosition} is not projected yet. Retry shortly.`,
    checkpoint: checkpoint.toString(),
    minPosition: minPosition.toString(),
  });
}
