import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PostgresEventStore } from '../../../libs/adapters/postgres-event-store/index.js';
import { SchemaJanitor } from '../../../libs/adapters/postgres-common/index.js';
import { SqliteReadStore } from '../../../libs/adapters/sqlite-read-store/index.js';
import { clientIdOf, makeEvent } from '../test/events.fixture.js';
import { applyTimeline } from '../test/timeline.projection.js';
import { Projector } from './projector.js';
import { testEnvironment } from '../../../libs/config/index.js';

const url = testEnvironment().databaseUrl;
if (!url && testEnvironment().ci) throw new Error('DATABASE_URL is required in CI');
const suite = url ? describe : describe.skip;

/**
 * A follower on a notifying store (PostgreSQL LISTEN/NOTIFY) is woken by appends: with an
 * idle poll of ten minutes, only the notification can make it project the new events
 * before Jest's timeout.
 */
suite('Projector.follow woken by the event store (PostgreSQL)', () => {
  let janitor: SchemaJanitor;
  let dir: string;
  beforeAll(() => {
    janitor = new SchemaJanitor(url!);
  });
  afterAll(async () => {
    await janitor.dropAll();
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'polku-wake-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('projects an append made by another process while it idles', async () => {
    const schema = janitor.name('wake');
    const [events, writer] = [
      await PostgresEventStore.open(url!, { schema }),
      await PostgresEventStore.open(url!, { schema }),
    ];
    const read = SqliteReadStore.open(join(dir, 'read.sqlite'));
    const controller = new AbortController();
    // the real store, telling the test when the projector starts to wait (it is idle then)
    const idle: bigint[] = [];
    let onIdle: () => void = () => undefined;
    const watched = Object.assign(Object.create(events) as PostgresEventStore, {
      waitForEvents: (after: bigint, signal: AbortSignal) => {
        idle.push(after);
        onIdle();
        return events.waitForEvents(after, signal);
      },
    });
    const committed: bigint[] = [];
    let onCommit: () => void = () => undefined;
    const projector = new Projector({
      eventStore: watched,
      readStore: read,
      apply: applyTimeline,
      idleBackoffMs: { min: 600_000, max: 600_000 },
      onBatch: ({ checkpoint }) => {
        committed.push(checkpoint);
        onCommit();
      },
    });
    // synchronous conditions: nothing can happen between the check and setting the hook
    const until = async (done: () => boolean, hook: (wake: () => void) => void) => {
      while (!done()) await new Promise<void>((resolve) => hook(resolve));
    };
    try {
      const client = clientIdOf(1);
      const first = await writer.appendToStream(client, [makeEvent(client, 1)], { expectedVersion: 0n });
      const following = projector.follow(controller.signal);
      await until(
        () => idle.includes(first.lastGlobalPosition),
        (wake) => {
          onIdle = wake;
        },
      );
      const second = await writer.appendToStream(client, [makeEvent(client, 2)], { expectedVersion: 1n });
      await until(
        () => committed.includes(second.lastGlobalPosition),
        (wake) => {
          onCommit = wake;
        },
      );
      expect(await read.checkpoint()).toBe(second.lastGlobalPosition);
      expect((await read.getClients([client])).get(client)!.lastPosition).toBe(second.lastGlobalPosition);
      controller.abort();
      await following;
    } finally {
      controller.abort();
      await read.close();
      await events.close();
      await writer.close();
    }
  }, 30_000);
});
