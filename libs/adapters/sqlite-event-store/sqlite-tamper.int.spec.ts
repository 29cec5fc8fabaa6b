import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { aClientId, someEvents } from '../../event-store/contract/index.js';
import { SqliteEventStore } from './index.js';

/** Edits the file behind the store's back, as someone with disk access could. */
describe('SqliteEventStore tamper evidence', () => {
  let dir: string;
  let path: string;
  let store: SqliteEventStore;
  const [victim, bystander] = [aClientId(), aClientId()];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'polku-sqlite-tamper-'));
    path = join(dir, 'events.sqlite');
    store = SqliteEventStore.open(path);
    await store.appendToStream(victim, someEvents(victim, 2), { expectedVersion: 0n });
    await store.appendToStream(bystander, someEvents(bystander, 2), { expectedVersion: 0n });
    await store.appendToStream(victim, someEvents(victim, 2), { expectedVersion: 2n });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const tamper = (sql: string, ...params: unknown[]): void => {
    const raw = new Database(path);
    try {
      expect(raw.prepare(sql).run(...params).changes).toBe(1);
    } finally {
      raw.close();
    }
  };

  it('reports an edited data column at exactly that event', async () => {
    const target = (await store.readStream(victim)).events[2]; // version 3
    tamper(
      'UPDATE events SET data = ? WHERE event_id = ?',
      JSON.stringify({ ...(target.data as object), outcome: 'muutettu' }),
      target.eventId,
    );

    const expected = {
      intact: false,
      clientId: victim,
      streamVersion: 3n,
      globalPosition: target.globalPosition,
      eventId: target.eventId,
    };
    expect(await store.verifyStream(victim)).toMatchObject(expected);
    expect(await store.verifyAll()).toMatchObject(expected);
    expect(await store.verifyStream(bystander)).toEqual({ intact: true, checked: 2 });
  });

  it('reports an edited actor whose stored hash was replaced too', async () => {
    const target = (await store.readStream(victim)).events[0];
    tamper(
      "UPDATE events SET actor = json_set(actor, '$.personId', 'someone-else'), hash = ? WHERE event_id = ?",
      'f'.repeat(64),
      target.eventId,
    );
    expect(await store.verifyAll()).toMatchObject({ intact: false, streamVersion: 1n, eventId: target.eventId });
  });

  it('reports a removed last event', async () => {
    const last = (await store.readStream(victim)).events[3];
    tamper('DELETE FROM events WHERE event_id = ?', last.eventId);
    expect(await store.verifyStream(victim)).toMatchObject({ intact: false, clientId: victim, streamVersion: 4n });
    expect(await store.verifyAll()).toMatchObject({ intact: false, clientId: victim, streamVersion: 4n });
  });

  it('reports a removed middle event at the event after the gap', async () => {
    const events = (await store.readStream(victim)).events;
    tamper('DELETE FROM events WHERE event_id = ?', events[1].eventId);
    expect(await store.verifyStream(victim)).toMatchObject({
      intact: false,
      streamVersion: 3n,
      globalPosition: events[2].globalPosition,
      eventId: events[2].eventId,
    });
  });
});
