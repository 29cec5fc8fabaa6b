import { randomUUID } from 'node:crypto';
import { jsonEvent, KurrentDBClient } from '@kurrent/kurrentdb-client';
import { eventStoreContract, aClientId, anEvent, rejectionOf, someEvents } from '../../event-store/contract/index.js';
import { EventStoreFailureError } from '../../event-store/index.js';
import type { RecordedEvent } from '../../events/index.js';
import { KurrentDbEventStore, type KurrentDbEventStoreOptions } from './index.js';
import { streamNames } from './naming.js';
import { RESERVATION_TYPE } from './reservation.js';
import { testEnvironment } from '../../config/index.js';

// No KurrentDB server runs on the development machine (no Docker): these run wherever
// KURRENTDB_URL points at one, e.g. `docker compose up -d kurrentdb` (docs/kurrentdb.md).
const url = testEnvironment().kurrentDbUrl;
if (!url) process.stderr.write('KurrentDbEventStore: skipped, KURRENTDB_URL is not set (docs/kurrentdb.md)\n');
const suite = url ? describe : describe.skip;

/** Each store gets its own namespace on the shared server, so it starts empty. */
const aNamespace = (): string => `t_${randomUUID().replaceAll('-', '')}`;

suite('KurrentDbEventStore', () => {
  const opened: KurrentDbEventStore[] = [];
  const open = async (options: KurrentDbEventStoreOptions = {}): Promise<KurrentDbEventStore> => {
    const store = await KurrentDbEventStore.open(url!, { namespace: aNamespace(), ...options });
    opened.push(store);
    return store;
  };
  let raw: KurrentDBClient;
  beforeAll(() => {
    raw = KurrentDBClient.connectionString(url!);
  });
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
  });
  afterAll(async () => {
    await raw.dispose();
  });

  // Streams of a test namespace stay on the server (KurrentDB never rewrites its log); nothing else sees them.
  eventStoreContract(
    'KurrentDbEventStore',
    async () => {
      const store = await KurrentDbEventStore.open(url!, { namespace: aNamespace() });
      return { store, cleanup: () => store.close() };
    },
    { readStreams: false, waitForEvents: true },
  ); // no cheap stream listing on $all: the projector rebuilds in global order

  it('stores the envelope and hash in metadata, on stream polku-client-<clientId> by default', async () => {
    const store = await KurrentDbEventStore.open(url!);
    opened.push(store);
    const client = aClientId();
    const [event] = someEvents(client, 1);
    const result = await store.appendToStream(client, [event], {
      expectedVersion: 0n,
      idempotencyKey: `k-${randomUUID()}`,
    });
    const stored = [];
    for await (const resolved of raw.readStream(`polku-client-${client}`)) stored.push(resolved.event!);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ type: event.type, data: event.data, revision: 0n });
    expect(stored[0].metadata).toMatchObject({
      eventId: event.eventId,
      clientId: client,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(stored[0].position?.commit).toBe(result.lastGlobalPosition);
  });

  it('reports an event appended around the adapter as a broken chain', async () => {
    const store = await open();
    const client = aClientId();
    await store.appendToStream(client, someEvents(client, 2), { expectedVersion: 0n });
    const names = streamNames(store.namespace);
    await raw.appendToStream(
      names.client(client),
      jsonEvent({
        type: 'PlanReviewed',
        data: { forged: true },
        metadata: { ...anEvent(client), hash: '0'.repeat(64) },
      }),
    );
    expect(await store.verifyStream(client)).toMatchObject({
      intact: false,
      clientId: client,
      streamVersion: 3n,
      reason: expect.stringMatching(/hash mismatch/),
    });
    expect(await store.verifyAll()).toMatchObject({ intact: false, streamVersion: 3n });
  });

  describe('idempotency crash window (a reservation whose events never landed)', () => {
    const reserveLikeACrashedWriter = async (
      store: KurrentDbEventStore,
      key: string,
      client: string,
      reservedAt: Date,
    ): Promise<void> => {
      const names = streamNames(store.namespace);
      await raw.appendToStream(
        names.idempotencyMarker(key),
        jsonEvent({
          type: RESERVATION_TYPE,
          data: {
            key,
            clientId: client,
            eventIds: [randomUUID()],
            fromVersion: '0',
            reservedAt: reservedAt.toISOString(),
          },
        }),
      );
    };

    it('answers a retryable failure while the reservation is within its lease', async () => {
      const store = await open({ idempotencyWaitMs: 200 });
      const client = aClientId();
      await reserveLikeACrashedWriter(store, 'k-busy', client, new Date());
      const error = await rejectionOf(
        store.appendToStream(client, someEvents(client, 1), { expectedVersion: 0n, idempotencyKey: 'k-busy' }),
      );
      expect(error).toBeInstanceOf(EventStoreFailureError);
      expect(error).toMatchObject({ retryable: true });
      expect((await store.readStream(client)).currentVersion).toBe(0n);
    });

    it('takes the key over after the lease and appends exactly once', async () => {
      const store = await open();
      const client = aClientId();
      await reserveLikeACrashedWriter(store, 'k-crashed', client, new Date(Date.now() - 60_000));
      const first = await store.appendToStream(client, someEvents(client, 1), {
        expectedVersion: 0n,
        idempotencyKey: 'k-crashed',
      });
      expect(first.replayed).toBe(false);
      const retry = await store.appendToStream(client, someEvents(client, 1), {
        expectedVersion: 0n,
        idempotencyKey: 'k-crashed',
      });
      expect(retry).toEqual({ ...first, replayed: true });
      expect((await store.readStream(client)).currentVersion).toBe(1n);
    });
  });

  it('follows $all with a catch-up subscription from a position (exclusive) until aborted', async () => {
    const store = await open();
    const [a, b] = [aClientId(), aClientId()];
    const first = await store.appendToStream(a, someEvents(a, 2), { expectedVersion: 0n });
    const seen: RecordedEvent[] = [];
    const controller = new AbortController();
    const later = someEvents(b, 3);
    const following = store.subscribeFromPosition(
      first.lastGlobalPosition,
      (event) => {
        seen.push(event);
        if (seen.length === 3) controller.abort();
      },
      controller.signal,
    );
    await store.appendToStream(b, later, { expectedVersion: 0n });
    await following;
    expect(seen.map((e) => e.eventId)).toEqual(later.map((e) => e.eventId));
    expect(seen.map((e) => e.streamVersion)).toEqual([1n, 2n, 3n]);
  });
});
