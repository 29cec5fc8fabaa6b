import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../adapters/sqlite-event-store/index.js';
import { SqliteKeyStore } from '../adapters/sqlite-key-store/index.js';
import type { ClientCommand } from '../domain/index.js';
import type { Actor } from '../events/index.js';
import { StreamVersionConflictError, type EventStore } from '../event-store/index.js';
import { ProtectedEventStore } from '../event-store/protection/index.js';
import { demoClients } from '../../scripts/demo/index.js';
import { seedDemo } from '../../scripts/demo/seed.js';
import {
  ClientAccessDeniedError,
  ClientStateCache,
  clientStateCacheOf,
  configureClientStateCache,
  executeClientCommand,
  loadClientState,
  type CommandEnvelope,
} from './index.js';

/**
 * The decision-state cache on real SQLite files. Each "process" is its own store instance
 * (with its own cache) on the same files, as two API instances would be.
 */
const now = new Date('2026-03-02T10:00:00Z');
const employment: Actor = {
  personId: 'officer-1',
  displayName: 'Officer One',
  organisationId: 'te-1',
  organisationType: 'employment_authority',
};
const county: Actor = {
  personId: 'nurse-1',
  displayName: 'Nurse One',
  organisationId: 'hva-1',
  organisationType: 'wellbeing_county',
};
const asOfficer = (a: Actor) => ({ role: 'officer' as const, personId: a.personId, organisationId: a.organisationId });
const register: ClientCommand = {
  type: 'RegisterClient',
  data: { fullName: 'Pekka Pouta', birthDate: '1980-01-01', municipality: 'Pori' },
};
const assign = (who: Actor | string, on = '2026-03-01', organisation?: Actor): ClientCommand => {
  const id = typeof who === 'string' ? who : who.personId;
  return {
    type: 'NamePerson',
    data: {
      personId: id,
      personName: `Officer ${id}`,
      role: 'responsible_officer',
      lead: true,
      namedOn: on,
      ...(organisation
        ? {
            organisation: {
              organisationId: organisation.organisationId,
              organisationType: organisation.organisationType,
            },
          }
        : {}),
    },
  };
};
const release = (personId: string, on = '2026-03-02'): ClientCommand => ({
  type: 'ReleasePerson',
  data: { personId, role: 'responsible_officer', releasedOn: on },
});

interface Process {
  store: EventStore;
  cache: ClientStateCache;
  reads: () => number;
  close: () => Promise<void>;
}
let dir: string;
const open: Process[] = [];
function aProcess(options = { maxClients: 100, ttlMs: 60_000 }): Process {
  const keys = SqliteKeyStore.open(join(dir, 'keys.sqlite'));
  const store = new ProtectedEventStore(SqliteEventStore.open(join(dir, 'events.sqlite')), keys);
  let reads = 0;
  const readStream = store.readStream.bind(store);
  store.readStream = (clientId) => {
    reads += 1;
    return readStream(clientId);
  };
  const p = {
    store,
    cache: configureClientStateCache(store, options),
    reads: () => reads,
    close: async () => {
      p.cache.clear();
      await store.close();
      await keys.close();
    },
  };
  open.push(p);
  return p;
}
const run = (p: Process, clientId: string, command: ClientCommand, over: Partial<CommandEnvelope> = {}) =>
  executeClientCommand(
    p.store,
    { clientId, command, actor: employment, correlationId: `c-${clientId}`, access: asOfficer(employment), ...over },
    now,
  );
/** What the stored history says, read by a process without a cache. */
const stored = async (clientId: string) => {
  const reader = aProcess();
  try {
    return await loadClientState(reader.store, clientId);
  } finally {
    await reader.close();
    open.splice(open.indexOf(reader), 1);
  }
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'polku-state-cache-'));
});
afterEach(async () => {
  for (const p of open.splice(0)) await p.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('executeClientCommand with the decision-state cache', () => {
  it('decides the next command on the cached state, appends at the cached version and keeps the folded result', async () => {
    const a = aProcess();
    await run(a, 'te-1:c1', register);
    const readsAfterFirst = a.reads();
    const second = await run(a, 'te-1:c1', assign('officer-2'));
    const third = await run(a, 'te-1:c1', assign('officer-3', '2026-03-02'));
    expect(a.reads()).toBe(readsAfterFirst); // no stream read after the first command
    expect([second.streamVersion, third.streamVersion]).toEqual(['2', '3']);
    const truth = await stored('te-1:c1');
    expect(a.cache.get('te-1:c1')).toEqual({ state: truth.state, version: 3n });
    expect(truth.state.peopleHistory.map((o) => [o.personId, o.to])).toEqual([
      ['officer-2', undefined],
      ['officer-3', undefined],
    ]);
    expect(truth.state.leadOfficerId).toBe('officer-3');
  });

  it('is the one the store instance uses by default, shared by every caller in the process', async () => {
    const a = aProcess();
    expect(clientStateCacheOf(a.store)).toBe(a.cache);
    await run(a, 'te-1:c1', register);
    expect(a.cache.get('te-1:c1')?.version).toBe(1n);
  });

  it("decides one client's concurrent commands in turn, in arrival order, each on its predecessor's state", async () => {
    const a = aProcess();
    await run(a, 'te-1:c1', register);
    const reads = a.reads();
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => run(a, 'te-1:c1', assign(`officer-${i}`))));
    expect(results.map((r) => r.streamVersion)).toEqual(['2', '3', '4', '5', '6', '7', '8', '9']);
    expect(a.reads()).toBe(reads); // no conflict sent any of them back to the stream
    expect(a.cache.get('te-1:c1')).toEqual({ state: (await stored('te-1:c1')).state, version: 9n });
  });

  it('notices a write by another process through the version conflict and decides again on the stored history', async () => {
    const a = aProcess();
    const b = aProcess();
    await run(a, 'te-1:c1', register);
    await run(a, 'te-1:c1', assign('officer-2'));
    await run(b, 'te-1:c1', assign('officer-3')); // a's cache is now one event behind
    const result = await run(a, 'te-1:c1', assign('officer-4', '2026-03-02'));
    expect(result.streamVersion).toBe('4');
    const truth = await stored('te-1:c1');
    expect(truth.state.peopleHistory.map((o) => o.personId)).toEqual(['officer-2', 'officer-3', 'officer-4']);
    expect(a.cache.get('te-1:c1')).toEqual({ state: truth.state, version: 4n });
  });

  it('checks a rule violation on a cached state against the stored history before refusing', async () => {
    const a = aProcess();
    const b = aProcess();
    await run(a, 'te-1:c1', register);
    await run(a, 'te-1:c1', assign('officer-2'));
    await run(b, 'te-1:c1', assign('officer-3'));
    // On a's cached state officer-3 is nobody: only the stored history allows the release.
    const released = await run(a, 'te-1:c1', release('officer-3'));
    expect(released.streamVersion).toBe('4');
    await expect(run(a, 'te-1:c1', release('officer-3'))).rejects.toMatchObject({ name: 'RuleViolationError' });
    expect(a.cache.get('te-1:c1')).toEqual({ state: (await stored('te-1:c1')).state, version: 4n });
  });

  it('checks an access refusal on a cached state against the stored history, and a refusal does not change the cache', async () => {
    const a = aProcess();
    const b = aProcess();
    await run(a, 'te-1:c1', register);
    await run(b, 'te-1:c1', assign(county, '2026-03-01', county)); // the county nurse is named on the client
    const asNurse = { actor: county, access: asOfficer(county) };
    expect((await run(a, 'te-1:c1', assign('officer-9', '2026-03-02'), asNurse)).streamVersion).toBe('3');

    const stranger: Actor = { ...county, personId: 'stranger', organisationId: 'hva-2' };
    await expect(
      run(a, 'te-1:c1', assign('officer-10', '2026-03-02'), { actor: stranger, access: asOfficer(stranger) }),
    ).rejects.toBeInstanceOf(ClientAccessDeniedError);
    expect(a.cache.get('te-1:c1')).toEqual({ state: (await stored('te-1:c1')).state, version: 3n });
  });

  it("keeps If-Match exact: the caller's version is checked against the store, not the cache", async () => {
    const a = aProcess();
    const b = aProcess();
    await run(a, 'te-1:c1', register);
    await run(b, 'te-1:c1', assign('officer-2')); // stored version 2, a's cache says 1
    const matching = await run(a, 'te-1:c1', assign('officer-3', '2026-03-02'), { expectedVersion: 2n });
    expect(matching.streamVersion).toBe('3');
    await run(b, 'te-1:c1', assign('officer-4', '2026-03-02')); // stored 4, a's cache says 3
    const stale = await run(a, 'te-1:c1', assign('officer-5', '2026-03-02'), { expectedVersion: 3n }).catch(
      (e: unknown) => e,
    );
    expect(stale).toBeInstanceOf(StreamVersionConflictError);
    expect(stale).toMatchObject({ expected: 3n, actual: 4n });
  });

  it('refuses a caller who lost access in another process, on the cache-hit paths too (If-Match, idempotent replay)', async () => {
    const a = aProcess();
    const b = aProcess();
    const asNurse = { actor: county, access: asOfficer(county) };
    await run(a, 'te-1:c1', register);
    await run(a, 'te-1:c1', assign(county, '2026-03-01', county));
    await run(a, 'te-1:c1', release('nurse-1'), { ...asNurse, idempotencyKey: 'hva-1:k1' });
    await run(a, 'te-1:c1', assign(county, '2026-03-02', county)); // named again: a caches that at version 4
    await run(b, 'te-1:c1', release('nurse-1'), asNurse); // in another process the nurse is released
    await expect(
      run(a, 'te-1:c1', assign('officer-3', '2026-03-02'), { ...asNurse, expectedVersion: 5n }),
    ).rejects.toBeInstanceOf(ClientAccessDeniedError);
    await run(a, 'te-1:c1', assign(county, '2026-03-02', county)); // a caches the nurse as named again
    await run(b, 'te-1:c1', release('nurse-1'), asNurse);
    await expect(
      run(a, 'te-1:c1', release('nurse-1'), { ...asNurse, idempotencyKey: 'hva-1:k1' }),
    ).rejects.toBeInstanceOf(ClientAccessDeniedError);
  });

  it('replays an idempotent command without appending, also from a process whose cache is behind', async () => {
    const a = aProcess();
    const b = aProcess();
    await run(a, 'te-1:c1', register);
    const first = await run(a, 'te-1:c1', assign('officer-2'), { idempotencyKey: 'te-1:k1' });
    await run(b, 'te-1:c1', assign('officer-3'));
    const again = await run(a, 'te-1:c1', assign('officer-2'), { idempotencyKey: 'te-1:k1' });
    const elsewhere = await run(b, 'te-1:c1', assign('officer-2'), { idempotencyKey: 'te-1:k1' });
    expect(again).toEqual({ ...first, replayed: true });
    expect(elsewhere).toEqual({ ...first, replayed: true });
    expect((await stored('te-1:c1')).version).toBe(3n);
  });

  it('reads the stream once for an idempotent command: the decision uses the state its authorisation took', async () => {
    const a = aProcess({ maxClients: 0, ttlMs: 60_000 });
    await run(a, 'te-1:c1', register);
    const reads = a.reads();
    await run(a, 'te-1:c1', assign('officer-2'), { idempotencyKey: 'te-1:k1' });
    expect(a.reads()).toBe(reads + 1);
    expect((await stored('te-1:c1')).state.leadOfficerId).toBe('officer-2');
  });

  it('keeps at most maxClients clients; an evicted client is read from its stream again', async () => {
    const a = aProcess({ maxClients: 2, ttlMs: 60_000 });
    for (const id of ['te-1:c1', 'te-1:c2', 'te-1:c3']) await run(a, id, register);
    expect(a.cache.size).toBe(2);
    expect(a.cache.get('te-1:c1')).toBeUndefined();
    const reads = a.reads();
    expect((await run(a, 'te-1:c1', assign('officer-2'))).streamVersion).toBe('2');
    expect(a.reads()).toBe(reads + 1);
  });

  it('forgets an erased client: no personal data stays in the cache', async () => {
    const a = aProcess();
    await run(a, 'te-1:c1', register);
    expect(a.cache.get('te-1:c1')?.state.birthDate).toBe('1980-01-01');
    await executeClientCommand(
      a.store,
      {
        clientId: 'te-1:c1',
        command: { type: 'EraseClientData', data: { ground: 'client_request', legalGround: 'GDPR art. 17(1)(d)' } },
        actor: employment,
        correlationId: 'erase',
      },
      now,
    );
    expect(a.cache.get('te-1:c1')).toBeUndefined();
    const reads = a.reads();
    await expect(run(a, 'te-1:c1', assign('officer-2'))).rejects.toThrow(/erased/); // decided on the stored history
    expect(a.reads()).toBe(reads + 1);
    expect(a.cache.get('te-1:c1')).toBeUndefined();
  });

  it('folds every demo path to exactly the stored state, on frozen states (decide and evolve never mutate)', async () => {
    const a = aProcess();
    const clients = demoClients();
    await seedDemo(a.store, clients);
    for (const c of clients) {
      const truth = await stored(c.clientId);
      expect(a.cache.get(c.clientId)).toEqual({ state: truth.state, version: truth.version });
    }
  });
});

describe("executeClientCommand's event ids", () => {
  it('are time-ordered UUIDs (RFC 9562 v7) stamped with the moment of the command', async () => {
    const a = aProcess();
    const before = Date.now();
    await run(a, 'te-1:c1', register);
    await run(a, 'te-1:c1', assign('officer-2'));
    await run(a, 'te-1:c2', register);
    const after = Date.now();
    const events = await a.store.readAll({ after: 0n, limit: 100 });
    expect(events).toHaveLength(3);
    for (const { eventId } of events) {
      expect(eventId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      // the first 48 bits: Unix milliseconds, so new ids land at the end of the event-id index
      const stampedAt = Number.parseInt(eventId.replace('-', '').slice(0, 12), 16);
      expect(stampedAt).toBeGreaterThanOrEqual(before);
      expect(stampedAt).toBeLessThanOrEqual(after);
    }
  });
});
