import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ERASED, type PolkuEvent, type RecordedEvent } from '../../events/index.js';
import { ClientKeyDestroyedError, type ClientKeyStore } from '../../key-store/index.js';
import { SqliteEventStore } from '../../adapters/sqlite-event-store/index.js';
import { SqliteKeyStore } from '../../adapters/sqlite-key-store/index.js';
import { replayPath } from '../../projections/client-path/index.js';
import { aClientId, anEvent, eventStoreContract, rejectionOf } from '../contract/index.js';
import { ClientKeyMissingError, PersonalDataDecryptionError, ProtectedEventStore } from './index.js';

let dirs: string[] = [];
const aDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'polku-protected-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

// The decorator must keep every promise of the port, on the real adapter.
eventStoreContract(
  'ProtectedEventStore(SqliteEventStore)',
  async () => {
    const dir = aDir();
    const keys = SqliteKeyStore.open(join(dir, 'keys.sqlite'));
    const store = new ProtectedEventStore(SqliteEventStore.open(join(dir, 'events.sqlite')), keys);
    return {
      store,
      cleanup: async () => {
        await store.close();
        await keys.close();
      },
    };
  },
  { waitForEvents: true },
);

const NAME = 'Maija Meikäläinen';
const HETU = '020584-987X';
const NOTE = 'Maija muutti Tampereelle';

/** A short path whose personal fields are strings, string arrays, array items and nested. */
function aPath(clientId: string, name = NAME, hetu = HETU): PolkuEvent[] {
  const at = (occurredAt: string, type: string, data: unknown) => anEvent(clientId, { occurredAt, type, data });
  return [
    at('2025-01-05', 'ClientRegistered', {
      fullName: name,
      personalIdentityCode: hetu,
      birthDate: '1984-05-02',
      municipality: 'Jyväskylä',
    }),
    at('2025-01-06', 'ServiceNeedAssessmentRecorded', {
      assessmentId: 'sna-1',
      assessedOn: '2025-01-06',
      needs: ['velkaneuvonta', 'päihdetyö'],
      summary: 'Asuu yksin',
    }),
    at('2025-01-12', 'ActivationPlanAgreed', {
      planId: 'ap-1',
      agreedOn: '2025-01-12',
      employmentPlanId: 'ep-1',
      services: [{ serviceType: 'rehabilitative_work_activity', description: 'Kirpputori, oma ohjaaja' }],
      kuty: {
        goal: 'Päivärytmi',
        description: 'Kirpputori',
        place: 'Jyväskylän Setlementti',
        providerId: 'prov-1',
        providerKind: 'association',
        hoursPerDay: 4,
        daysPerWeek: 3,
        startDate: '2025-01-19',
        lengthMonths: 6,
        supportAndGuidance: 'Oma ohjaaja',
        otherServices: 'Ei muita',
        assessmentDate: '2025-07-15',
      },
    }),
    at('2025-01-19', 'ServicePeriodStarted', {
      periodId: 'kuty-1',
      serviceType: 'rehabilitative_work_activity',
      planId: 'ap-1',
      provider: { organisationId: 'prov-1', organisationType: 'provider', providerKind: 'association' },
      startDate: '2025-01-19',
      plannedEndDate: '2025-07-18',
      daysPerWeek: 3,
      hoursPerDay: 4,
    }),
    at('2025-07-17', 'ServicePeriodEnded', {
      periodId: 'kuty-1',
      endDate: '2025-07-17',
      endReason: 'transfer_to_other_service',
      continuation: 'work_trial',
      note: NOTE,
    }),
  ];
}

const withoutPositions = (events: RecordedEvent[]) =>
  events.map(({ globalPosition, streamVersion, ...event }) => event);
const dataOf = (events: RecordedEvent[], type: string): any => events.find((e) => e.type === type)?.data;
const bytesOf = (path: string): Buffer =>
  Buffer.concat([path, `${path}-wal`].filter(existsSync).map((file) => readFileSync(file)));

/** Counts key lookups on the real store (a pass-through, not a mock). */
function counting(keys: ClientKeyStore): { keys: ClientKeyStore; lookups: string[] } {
  const lookups: string[] = [];
  const counted: ClientKeyStore = Object.create(keys);
  counted.getKey = (clientId) => {
    lookups.push(clientId);
    return keys.getKey(clientId);
  };
  return { keys: counted, lookups };
}

describe('ProtectedEventStore: personal data encrypted with per-client keys', () => {
  let dir: string;
  let eventsPath: string;
  let inner: SqliteEventStore;
  let keys: SqliteKeyStore;
  let store: ProtectedEventStore;
  const toClose: { close(): Promise<void> }[] = [];

  beforeEach(() => {
    dir = aDir();
    eventsPath = join(dir, 'events.sqlite');
    inner = SqliteEventStore.open(eventsPath);
    keys = SqliteKeyStore.open(join(dir, 'keys.sqlite'));
    store = new ProtectedEventStore(inner, keys);
    toClose.push(store, keys);
  });
  afterEach(async () => {
    for (const closable of toClose.splice(0)) await closable.close();
  });

  it('round-trips every event through readStream and readAll', async () => {
    const client = aClientId();
    const sent = aPath(client);
    await store.appendToStream(client, sent.slice(0, 2), { expectedVersion: 0n });
    await store.appendToStream(client, sent.slice(2), { expectedVersion: 2n });
    expect(withoutPositions((await store.readStream(client)).events)).toEqual(sent);
    expect(withoutPositions(await store.readAll({ after: 0n, limit: 100 }))).toEqual(sent);
  });

  it('never stores the plaintext: the events file holds ciphertext where personal data was', async () => {
    const client = aClientId();
    await store.appendToStream(client, aPath(client), { expectedVersion: 0n });
    const raw = new Database(eventsPath, { readonly: true });
    let rows: string[];
    try {
      rows = raw.prepare('SELECT data FROM events ORDER BY global_position').pluck().all() as string[];
    } finally {
      raw.close();
    }
    const all = rows.join('\n');
    for (const secret of [NAME, HETU, NOTE, 'velkaneuvonta', 'Päivärytmi', 'Kirpputori, oma ohjaaja']) {
      expect(all).not.toContain(secret);
      expect(bytesOf(eventsPath).includes(Buffer.from(secret))).toBe(false); // nor anywhere in the file or WAL
    }
    expect(JSON.parse(rows[0])).toMatchObject({
      fullName: expect.stringMatching(/^enc:v1:s:/),
      personalIdentityCode: expect.stringMatching(/^enc:v1:s:/),
      birthDate: '1984-05-02',
      municipality: 'Jyväskylä',
    });
    expect(JSON.parse(rows[1]).needs).toMatch(/^enc:v1:a:/); // a string array is one value
    expect(JSON.parse(rows[2]).kuty).toMatchObject({ place: 'Jyväskylän Setlementti', hoursPerDay: 4 });
  });

  it('reads an erased client as ERASED, keeping structure, chain and other clients', async () => {
    const [erased, kept] = [aClientId(), aClientId()];
    const sent = aPath(erased);
    const keptSent = aPath(kept, 'Matti Virtanen', '131052-308T');
    await store.appendToStream(erased, sent, { expectedVersion: 0n });
    await store.appendToStream(kept, keptSent, { expectedVersion: 0n });

    await keys.destroyKey(erased, 'TYP register: 4 years after the relationship ended');

    const { currentVersion, events } = await store.readStream(erased);
    expect(currentVersion).toBe(5n);
    expect(events.map((e) => [e.eventId, e.type, e.occurredAt, e.actor])).toEqual(
      sent.map((e) => [e.eventId, e.type, e.occurredAt, e.actor]),
    );
    expect(dataOf(events, 'ClientRegistered')).toEqual({
      fullName: ERASED,
      personalIdentityCode: ERASED,
      birthDate: '1984-05-02',
      municipality: 'Jyväskylä',
    });
    expect(dataOf(events, 'ServiceNeedAssessmentRecorded')).toEqual({
      assessmentId: 'sna-1',
      assessedOn: '2025-01-06',
      needs: [ERASED],
      summary: ERASED,
    });
    expect(dataOf(events, 'ActivationPlanAgreed')).toMatchObject({
      planId: 'ap-1',
      agreedOn: '2025-01-12',
      services: [{ serviceType: 'rehabilitative_work_activity', description: ERASED }],
      kuty: {
        goal: ERASED,
        description: ERASED,
        supportAndGuidance: ERASED,
        otherServices: ERASED,
        place: 'Jyväskylän Setlementti',
        providerId: 'prov-1',
        startDate: '2025-01-19',
        lengthMonths: 6,
      },
    });
    expect(dataOf(events, 'ServicePeriodStarted')).toEqual(sent[3].data); // nothing personal in it
    expect(dataOf(events, 'ServicePeriodEnded')).toEqual({
      periodId: 'kuty-1',
      endDate: '2025-07-17',
      endReason: 'transfer_to_other_service',
      continuation: 'work_trial',
      note: ERASED,
    });

    const all = await store.readAll({ after: 0n, limit: 100 });
    expect(all.filter((e) => e.clientId === erased)).toEqual(events);
    // whole streams (a rebuild's reading) are revealed the same way, per client
    const streams = await store.readStreams!({
      afterClientId: null,
      limit: 10,
      upToPosition: await store.headPosition(),
    });
    expect(streams.find((s) => s.clientId === erased)!.events).toEqual(events);
    expect(withoutPositions(streams.find((s) => s.clientId === kept)!.events)).toEqual(keptSent);
    expect(withoutPositions(all.filter((e) => e.clientId === kept))).toEqual(keptSent); // unaffected

    expect(await store.verifyStream(erased)).toEqual({ intact: true, checked: 5 });
    expect(await store.verifyAll()).toEqual({ intact: true, checked: 10 });
  });

  it('rebuilds the path of an erased client from the events alone', async () => {
    const client = aClientId();
    await store.appendToStream(client, aPath(client), { expectedVersion: 0n });
    await keys.destroyKey(client, 'retention');
    const path = JSON.stringify(replayPath(client, (await store.readStream(client)).events));
    for (const secret of [NAME, HETU, NOTE]) expect(path).not.toContain(secret);
    for (const structure of ['rehabilitative_work_activity', 'transfer_to_other_service', 'prov-1', '2025-07-17']) {
      expect(path).toContain(structure);
    }
  });

  it('refuses new personal data for an erased client and never re-creates its key', async () => {
    const client = aClientId();
    await store.appendToStream(client, aPath(client), { expectedVersion: 0n });
    await keys.destroyKey(client, 'retention');

    const error = await rejectionOf(store.appendToStream(client, [anEvent(client)], { expectedVersion: 5n }));
    expect(error).toBeInstanceOf(ClientKeyDestroyedError);
    expect((await store.readStream(client)).currentVersion).toBe(5n);
    expect(await keys.getKey(client)).toBeNull();

    // An event without personal data (e.g. a record of the erasure) still goes in.
    const plain = anEvent(client, {
      type: 'ServicePeriodResumed',
      data: { periodId: 'kuty-1', resumedOn: '2025-08-01' },
    });
    await store.appendToStream(client, [plain], { expectedVersion: 5n });
    expect((await store.readStream(client)).events[5]).toMatchObject({ eventId: plain.eventId, data: plain.data });
    expect(await keys.getKey(client)).toBeNull();
  });

  it('still replays an append retried after the erasure (idempotency), without a key', async () => {
    const client = aClientId();
    const first = await store.appendToStream(client, aPath(client), {
      expectedVersion: 0n,
      idempotencyKey: 'register-1',
    });
    await keys.destroyKey(client, 'retention');
    const retry = await store.appendToStream(client, aPath(client), {
      expectedVersion: 0n,
      idempotencyKey: 'register-1',
    });
    expect(retry).toEqual({ ...first, replayed: true });
    expect(await keys.getKey(client)).toBeNull();
    const other = await rejectionOf(
      store.appendToStream(client, [anEvent(client)], { expectedVersion: 5n, idempotencyKey: 'new' }),
    );
    expect(other).toBeInstanceOf(ClientKeyDestroyedError);
  });

  it('looks each client key up once per read, however many events the page holds', async () => {
    const [a, b] = [aClientId(), aClientId()];
    await store.appendToStream(a, aPath(a), { expectedVersion: 0n });
    await store.appendToStream(b, aPath(b), { expectedVersion: 0n });
    await store.appendToStream(a, [anEvent(a), anEvent(a)], { expectedVersion: 5n });
    const counted = counting(keys);
    const reader = new ProtectedEventStore(inner, counted.keys);
    expect(await reader.readAll({ after: 0n, limit: 100 })).toHaveLength(12);
    expect(counted.lookups.sort()).toEqual([a, b].sort());
    counted.lookups.length = 0;
    await reader.readStream(a);
    expect(counted.lookups).toEqual([a]);
  });

  it('returns events written before protection as they were', async () => {
    const client = aClientId();
    const legacy = aPath(client);
    await inner.appendToStream(client, legacy, { expectedVersion: 0n }); // behind the decorator's back
    expect(withoutPositions((await store.readStream(client)).events)).toEqual(legacy);
    expect(await keys.getKey(client)).toBeNull(); // no key needed, none created
  });

  it('fails loudly, instead of reading as erased, when the key is missing or wrong', async () => {
    const client = aClientId();
    await store.appendToStream(client, aPath(client), { expectedVersion: 0n });

    const emptyKeys = SqliteKeyStore.open(join(dir, 'other-keys.sqlite'));
    toClose.push(emptyKeys);
    const missing = await rejectionOf(new ProtectedEventStore(inner, emptyKeys).readStream(client));
    expect(missing).toBeInstanceOf(ClientKeyMissingError);

    await emptyKeys.getOrCreateKey(client); // a different key for the same client
    const wrong = await rejectionOf(new ProtectedEventStore(inner, emptyKeys).readAll({ after: 0n, limit: 10 }));
    expect(wrong).toBeInstanceOf(PersonalDataDecryptionError);
    expect(wrong).toMatchObject({ path: 'fullName' });
  });
});
