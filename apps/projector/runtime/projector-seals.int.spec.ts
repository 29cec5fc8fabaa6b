import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../../../libs/adapters/sqlite-event-store/index.js';
import { SqliteKeyStore } from '../../../libs/adapters/sqlite-key-store/index.js';
import { SqliteReadStore } from '../../../libs/adapters/sqlite-read-store/index.js';
import { ProtectedEventStore } from '../../../libs/event-store/protection/index.js';
import { decisionSnapshotOf } from '../../../libs/projections/client-path/index.js';
import { demoClients, seedDemoInterleaved } from '../test/demo.fixture.js';
import { Projector, type ProjectorOptions } from './projector.js';

/**
 * Every way the projector stores client models seals their decision states with the
 * clients' keys, so that commands may start from them (decision-snapshot.ts): the stream-by-
 * stream pass from 0, global order a batch per commit, and coalesced commits of cached models.
 * (The fold worker's pass is checked against the main thread's in fold-worker.e2e.spec.ts.)
 */
const demo = demoClients(6);
const ids = demo.map((c) => c.clientId);

describe('the projector seals the decision states it stores', () => {
  let dir: string;
  let keys: SqliteKeyStore;
  let events: ProtectedEventStore;
  const reads: SqliteReadStore[] = [];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'polku-projector-seals-'));
    keys = SqliteKeyStore.open(join(dir, 'keys.sqlite'));
    events = new ProtectedEventStore(SqliteEventStore.open(join(dir, 'events.sqlite')), keys);
  });
  afterEach(async () => {
    for (const store of reads.splice(0)) await store.close();
    await events.close();
    await keys.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Projects the demo paths as `options` say, catching up after every round of steps. */
  async function projected(name: string, options: Partial<ProjectorOptions>): Promise<SqliteReadStore> {
    const readStore = SqliteReadStore.open(join(dir, name));
    reads.push(readStore);
    const projector = new Projector({ eventStore: events, readStore, ...options });
    await seedDemoInterleaved(events, demo, 5, async () => {
      await projector.catchUp();
    });
    await projector.catchUp();
    return readStore;
  }

  /** Each client's stored state, as a command would take it: sealed, verified, at the stream's version. */
  async function expectSealedAtHead(readStore: SqliteReadStore): Promise<void> {
    for (const id of ids) {
      const stored = (await readStore.decisionState(id))!;
      expect(stored.domainSeal).toEqual(expect.any(String));
      const snapshot = await decisionSnapshotOf(id, stored, events.decisionStateSeal);
      expect(snapshot?.version).toBe((await events.readStream(id)).currentVersion);
    }
  }

  it('stream by stream from position 0 (a rebuild)', async () => {
    await seedDemoInterleaved(events, demo, 100);
    const readStore = SqliteReadStore.open(join(dir, 'rebuilt.sqlite'));
    reads.push(readStore);
    const result = await new Projector({ eventStore: events, readStore, streamsPerPage: 2 }).rebuild();
    expect(result.events).toBeGreaterThan(0);
    await expectSealedAtHead(readStore);
  });

  it('in global order, one commit per batch', async () => {
    await expectSealedAtHead(await projected('batches.sqlite', { batchSize: 7, streamsPerPage: 0 }));
  });

  it('in global order, cached models committed every few batches', async () => {
    const readStore = await projected('coalesced.sqlite', {
      batchSize: 3,
      streamsPerPage: 0,
      commitEveryBatches: 4,
      largeLagEvents: 0, // every catch-up counts as large: it coalesces
    });
    await expectSealedAtHead(readStore);
  });
});
