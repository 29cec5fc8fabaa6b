import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '../../adapters/sqlite-event-store/index.js';
import { SqliteKeyStore } from '../../adapters/sqlite-key-store/index.js';
import { SqliteReadStore } from '../../adapters/sqlite-read-store/index.js';
import type { ClientCommand } from '../../domain/index.js';
import type { Actor } from '../../events/index.js';
import type { EventStore, ReadStreamOptions } from '../../event-store/index.js';
import { decisionStateSealOf, ProtectedEventStore } from '../../event-store/protection/index.js';
import {
  applyEvents,
  readStoreDecisionSnapshots,
  readStoreDecisionSnapshotsFor,
  sealCarriedStates,
} from '../../projections/client-path/index.js';
import {
  configureClientStateCache,
  executeClientCommand,
  loadClientState,
  observeClientStateLoads,
  useDecisionStateSnapshots,
  type DecisionStateSnapshots,
} from '../index.js';

/**
 * Commands on a client missing from the cache start from the projector's carried state in a
 * real read store, on real SQLite files; the cache is off, so every command loads the client.
 */
const now = new Date('2026-03-02T10:00:00Z');
const officer: Actor = {
  personId: 'officer-1',
  displayName: 'Officer One',
  organisationId: 'te-1',
  organisationType: 'employment_authority',
};
const register: ClientCommand = {
  type: 'RegisterClient',
  data: { fullName: 'Pekka Pouta', birthDate: '1980-01-01', municipality: 'Pori' },
};
const name = (personId: string, namedOn = '2026-03-01'): ClientCommand => ({
  type: 'NamePerson',
  data: { personId, personName: `Officer ${personId}`, role: 'responsible_officer', lead: true, namedOn },
});
const release = (personId: string): ClientCommand => ({
  type: 'ReleasePerson',
  data: { personId, role: 'responsible_officer', releasedOn: '2026-03-02' },
});

interface Instance {
  store: EventStore;
  readStore: SqliteReadStore;
  /** Every stream read of this instance's commands: `whole` or the version it read after. */
  reads: string[];
  /** Where each state a command decided on came from (the metric's observer). */
  loads: string[];
  run(clientId: string, command: ClientCommand): ReturnType<typeof executeClientCommand>;
  /** The projector's step: folds the clients' streams into the read store. */
  project(...clientIds: string[]): Promise<void>;
  /** Rewrites a client's stored decision state behind the projector's back (SQL on the file). */
  alterStoredState(clientId: string, change: (domainJson: string) => string): void;
  /** Copies one client's stored carried state into another's row, seal and all. */
  copyStoredState(from: string, to: string): void;
}
const dirs: string[] = [];
const closers: (() => Promise<void>)[] = [];
function anInstance(): Instance {
  const dir = mkdtempSync(join(tmpdir(), 'polku-snapshots-'));
  dirs.push(dir);
  const keys = SqliteKeyStore.open(join(dir, 'keys.sqlite'));
  const store = new ProtectedEventStore(SqliteEventStore.open(join(dir, 'events.sqlite')), keys);
  const readStore = SqliteReadStore.open(join(dir, 'read.sqlite'));
  closers.push(async () => {
    await store.close();
    await keys.close();
    await readStore.close();
  });
  configureClientStateCache(store, { maxClients: 0, ttlMs: 60_000 });
  useDecisionStateSnapshots(store, readStoreDecisionSnapshotsFor(store, readStore));
  const reads: string[] = [];
  const loads: string[] = [];
  observeClientStateLoads(store, (from) => loads.push(from));
  const readStream = store.readStream.bind(store);
  store.readStream = (clientId: string, options?: ReadStreamOptions) => {
    reads.push(options?.afterVersion === undefined ? 'whole' : `after ${options.afterVersion}`);
    return readStream(clientId, options);
  };
  return {
    store,
    readStore,
    reads,
    loads,
    run: (clientId, command) =>
      executeClientCommand(
        store,
        {
          clientId,
          command,
          actor: officer,
          correlationId: `c-${clientId}`,
          access: { role: 'officer', personId: officer.personId, organisationId: officer.organisationId },
        },
        now,
      ),
    alterStoredState(clientId, change) {
      withReadStoreFile(dir, (db) => {
        const { state } = db.prepare('SELECT state FROM client_models WHERE client_id = ?').get(clientId) as {
          state: string;
        };
        const carried = JSON.parse(state) as { domainJson: string };
        carried.domainJson = change(carried.domainJson);
        db.prepare('UPDATE client_models SET state = ? WHERE client_id = ?').run(JSON.stringify(carried), clientId);
      });
    },
    copyStoredState(from, to) {
      withReadStoreFile(dir, (db) =>
        db
          .prepare(
            'UPDATE client_models SET state = (SELECT state FROM client_models WHERE client_id = ?) WHERE client_id = ?',
          )
          .run(from, to),
      );
    },
    async project(...clientIds) {
      const models = [];
      for (const id of clientIds) models.push(applyEvents(undefined, (await readStream(id)).events));
      // sealed with the clients' keys, as the projector stores them
      await readStore.commitBatch(
        await sealCarriedStates(models, decisionStateSealOf(store)),
        await store.headPosition(),
      );
    },
  };
}
/** A second connection to the read store's file, as someone outside Polku would open it. */
function withReadStoreFile(dir: string, use: (db: Database.Database) => void): void {
  const db = new Database(join(dir, 'read.sqlite'));
  try {
    use(db);
  } finally {
    db.close();
  }
}
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('commands starting from the projector’s decision state', () => {
  it('fold the events after the snapshot and append at the stream’s version, reading no whole stream', async () => {
    const a = anInstance();
    await a.run('te-1:c1', register);
    await a.run('te-1:c1', name('officer-2'));
    await a.project('te-1:c1'); // the projector has seen two events
    await a.run('te-1:c1', name('officer-3')); // the third is not projected yet
    a.reads.length = 0;
    a.loads.length = 0;
    // officer-3 is known only from the event after the snapshot
    const released = await a.run('te-1:c1', release('officer-3'));
    expect(released.streamVersion).toBe('4');
    expect(a.reads).toEqual(['after 1']); // from the snapshot's own last event on
    expect(a.loads).toEqual(['snapshot']);
    const truth = await loadClientState(a.store, 'te-1:c1');
    expect(truth.version).toBe(4n);
    expect(truth.state.peopleHistory.map((p) => [p.personId, p.to])).toEqual([
      ['officer-2', undefined],
      ['officer-3', '2026-03-02'],
    ]);
  });

  it('refuse what the stored history refuses, as without snapshots', async () => {
    const a = anInstance();
    await a.run('te-1:c1', register);
    await a.run('te-1:c1', name('officer-2'));
    await a.project('te-1:c1');
    await expect(a.run('te-1:c1', release('officer-9'))).rejects.toMatchObject({ name: 'RuleViolationError' });
    expect((await loadClientState(a.store, 'te-1:c1')).version).toBe(2n);
  });

  it('ignore a snapshot of another history (its event is elsewhere in this store) and read the whole stream', async () => {
    // Another store's read model for a client of the same id at the same version: a read store
    // left from a restored backup, say. There officer-2 is named; here officer-5 is.
    const other = anInstance();
    await other.run('te-1:c1', register);
    await other.run('te-1:c1', name('officer-2'));
    await other.project('te-1:c1');
    const here = anInstance();
    await here.run('te-1:c0', register); // positions here are one further on
    await here.run('te-1:c1', register);
    await here.run('te-1:c1', name('officer-5'));
    // verified with the other instance's keys: it is the position that tells the histories apart
    useDecisionStateSnapshots(
      here.store,
      readStoreDecisionSnapshots(other.readStore, decisionStateSealOf(other.store)!),
    );
    here.reads.length = 0;
    await expect(here.run('te-1:c1', release('officer-2'))).rejects.toMatchObject({ name: 'RuleViolationError' });
    expect(here.reads).toEqual(['after 1', 'whole']);
    expect((await here.run('te-1:c1', release('officer-5'))).streamVersion).toBe('3');
  });

  it('accept nothing on a carried state altered outside the projector: its seal fails, the stream decides', async () => {
    const a = anInstance();
    await a.run('te-1:c1', register);
    await a.run('te-1:c1', name('officer-2'));
    await a.project('te-1:c1');
    // Someone with write access to the read store names officer-9 in the stored state, so that
    // a release of officer-9 (or anything officer-9's place allows) would be accepted on it.
    a.alterStoredState('te-1:c1', (domainJson) => domainJson.replaceAll('officer-2', 'officer-9'));
    a.reads.length = 0;
    a.loads.length = 0;
    await expect(a.run('te-1:c1', release('officer-9'))).rejects.toMatchObject({ name: 'RuleViolationError' });
    expect(a.reads).toEqual(['whole']); // the altered state was not started from at all
    expect(a.loads).toEqual(['stream']);
    expect((await a.run('te-1:c1', release('officer-2'))).streamVersion).toBe('3');
  });

  it("do not start from another client's sealed state copied into this client's row", async () => {
    const a = anInstance();
    await a.run('te-1:c1', register);
    await a.run('te-1:c1', name('officer-2'));
    await a.run('te-1:c2', register);
    await a.run('te-1:c2', name('officer-3'));
    await a.project('te-1:c1', 'te-1:c2');
    a.copyStoredState('te-1:c1', 'te-1:c2');
    a.reads.length = 0;
    await expect(a.run('te-1:c2', release('officer-2'))).rejects.toMatchObject({ name: 'RuleViolationError' });
    expect(a.reads).toEqual(['whole']);
    expect((await a.run('te-1:c1', release('officer-2'))).streamVersion).toBe('3'); // c1's own still serves
    expect(a.reads).toEqual(['whole', 'after 1']);
  });

  it('decide a refusal on a snapshot again on the whole stream, which accepts', async () => {
    const a = anInstance();
    await a.run('te-1:c1', register);
    await a.run('te-1:c1', name('officer-2'));
    await a.project('te-1:c1');
    // A projection by older rules that left the people out, but at the right place.
    const projected = readStoreDecisionSnapshotsFor(a.store, a.readStore)!;
    const peopleLeftOut: DecisionStateSnapshots = {
      async snapshotOf(clientId) {
        const s = (await projected.snapshotOf(clientId))!;
        return { ...s, state: { ...s.state, people: [], peopleHistory: [] } };
      },
    };
    useDecisionStateSnapshots(a.store, peopleLeftOut);
    a.reads.length = 0;
    a.loads.length = 0;
    expect((await a.run('te-1:c1', release('officer-2'))).streamVersion).toBe('3');
    expect(a.reads).toEqual(['after 1', 'whole']);
    expect(a.loads).toEqual(['snapshot', 'stream']);
  });

  it('read the whole stream when the snapshot source fails', async () => {
    const a = anInstance();
    await a.run('te-1:c1', register);
    useDecisionStateSnapshots(a.store, {
      snapshotOf: () => Promise.reject(new Error('read store unavailable')),
    });
    a.reads.length = 0;
    expect((await a.run('te-1:c1', name('officer-2'))).streamVersion).toBe('2');
    expect(a.reads).toEqual(['whole']);
  });
});
