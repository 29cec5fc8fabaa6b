import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PolkuEvent, RecordedEvent } from '../../events/index.js';
import { SqliteEventStore } from '../../adapters/sqlite-event-store/index.js';
import { SqliteKeyStore } from '../../adapters/sqlite-key-store/index.js';
import { aClientId, anEvent } from '../contract/index.js';
import { ProtectedEventStore } from './index.js';

/**
 * ProtectedEventStore decrypts the events the inner store hands over in place. That is only
 * sound while every read gets objects of its own: whatever a reader does with one read's
 * events (the projector folds them, a command handler may change them) must not show in the
 * next read, nor in another event (the SQLite store shares parsed actors between rows).
 */
describe('ProtectedEventStore: each read owns its events', () => {
  let dir: string;
  let keys: SqliteKeyStore;
  let store: ProtectedEventStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'polku-ownership-'));
    keys = SqliteKeyStore.open(join(dir, 'keys.sqlite'));
    store = new ProtectedEventStore(SqliteEventStore.open(join(dir, 'events.sqlite')), keys);
  });
  afterEach(async () => {
    await store.close();
    await keys.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const plan = (clientId: string): PolkuEvent =>
    anEvent(clientId, {
      type: 'ActivationPlanAgreed',
      data: {
        planId: 'ap-1',
        agreedOn: '2025-01-12',
        employmentPlanId: 'ep-1',
        services: [{ serviceType: 'rehabilitative_work_activity', description: 'Kirpputori' }],
        kuty: { goal: 'Päivärytmi', place: 'Setlementti', hoursPerDay: 4 },
      },
    });
  const registered = (clientId: string): PolkuEvent =>
    anEvent(clientId, {
      type: 'ClientRegistered',
      data: {
        fullName: 'Maija Meikäläinen',
        personalIdentityCode: '020584-987X',
        birthDate: '1984-05-02',
        municipality: 'Jyväskylä',
      },
    });

  /** Changes everything a careless reader could: personal and other fields, nested ones, the actor. */
  function scribbleOver(events: RecordedEvent[]): void {
    for (const event of events) {
      const data = event.data as Record<string, any>;
      for (const key of Object.keys(data)) {
        if (Array.isArray(data[key])) data[key].push('extra');
        else if (data[key] && typeof data[key] === 'object') data[key].goal = 'changed';
        else data[key] = 'changed';
      }
      (event.actor as unknown as Record<string, unknown>).id = 'changed';
    }
  }

  it('readStream, readStreams and readAll hand out fresh, decrypted events every time', async () => {
    const [a, b] = [aClientId(), aClientId()];
    await store.appendToStream(a, [registered(a), plan(a)], { expectedVersion: 0n });
    await store.appendToStream(b, [registered(b), plan(b)], { expectedVersion: 0n });
    const first = await store.readStream(a);
    const expected = structuredClone(first.events);
    expect(expected[1]!.data).toMatchObject({
      services: [{ description: 'Kirpputori' }],
      kuty: { goal: 'Päivärytmi' },
    });

    const reads = [
      async () => (await store.readStream(a)).events,
      async () =>
        (await store.readStreams!({ afterClientId: null, limit: 10, upToPosition: 100n })).find(
          (s) => s.clientId === a,
        )!.events,
      async () => (await store.readAll({ after: 0n, limit: 10 })).filter((e) => e.clientId === a),
    ];
    scribbleOver(first.events);
    for (const read of reads) {
      const events = await read();
      expect(events).toEqual(expected);
      scribbleOver(events);
    }
    const other = await store.readStream(b);
    expect(other.events[0]!.data).toMatchObject({ fullName: 'Maija Meikäläinen' });
    expect(other.events[0]!.actor).toEqual(expected[0]!.actor);
  });
});
