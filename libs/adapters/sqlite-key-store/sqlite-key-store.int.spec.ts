import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { ClientKeyDestroyedError } from '../../key-store/index.js';
import { SqliteKeyStore } from './index.js';

let dirs: string[] = [];
const aKeyFile = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'polku-sqlite-keys-'));
  dirs.push(dir);
  return join(dir, 'nested', 'keys.sqlite'); // a missing directory: open() must create it
};
const aClientId = (): string => `client-${randomUUID()}`;

const open: SqliteKeyStore[] = [];
const openStore = (path: string, options?: Parameters<typeof SqliteKeyStore.open>[1]): SqliteKeyStore => {
  const store = SqliteKeyStore.open(path, options);
  open.push(store);
  return store;
};
afterEach(async () => {
  for (const store of open.splice(0)) await store.close();
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

/** Every byte SQLite keeps for the store: the main file and, if present, the WAL. */
const fileBytes = (path: string): Buffer =>
  Buffer.concat([path, `${path}-wal`].filter(existsSync).map((file) => readFileSync(file)));

describe('SqliteKeyStore', () => {
  it('creates a 32-byte key on first use and returns the same key afterwards', async () => {
    const store = openStore(aKeyFile());
    const client = aClientId();
    expect(await store.getKey(client)).toBeNull();
    const key = await store.getOrCreateKey(client);
    expect(key).toHaveLength(32);
    expect(await store.getOrCreateKey(client)).toEqual(key);
    expect(await store.getKey(client)).toEqual(key);
    expect(await store.isDestroyed(client)).toBe(false);
    expect(await store.getDestruction(client)).toBeNull();
    expect(await store.getOrCreateKey(aClientId())).not.toEqual(key); // one key per client
  });

  it('configures WAL, FULL sync and secure_delete', () => {
    const store = openStore(aKeyFile()) as unknown as { db: import('better-sqlite3').Database };
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(store.db.pragma('secure_delete', { simple: true })).toBe(1);
  });

  it('skips the fsync only when opened for a bulk load (the data generator)', () => {
    const path = aKeyFile();
    const bulk = openStore(path, { durability: 'bulk-load' }) as unknown as { db: import('better-sqlite3').Database };
    expect(bulk.db.pragma('synchronous', { simple: true })).toBe(0); // OFF
    const served = openStore(path) as unknown as { db: import('better-sqlite3').Database };
    expect(served.db.pragma('synchronous', { simple: true })).toBe(2); // FULL
  });

  it('keeps keys and destructions across close and reopen', async () => {
    const path = aKeyFile();
    const [kept, erased] = [aClientId(), aClientId()];
    const first = openStore(path);
    const key = await first.getOrCreateKey(kept);
    await first.getOrCreateKey(erased);
    await first.destroyKey(erased, 'retention ended');
    await first.close();

    const reopened = openStore(path);
    expect(await reopened.getKey(kept)).toEqual(key);
    expect(await reopened.getKey(erased)).toBeNull();
    await expect(reopened.getOrCreateKey(erased)).rejects.toBeInstanceOf(ClientKeyDestroyedError);
  });

  it('destroys idempotently, keeping the first time and reason', async () => {
    const store = openStore(aKeyFile());
    const [client, other] = [aClientId(), aClientId()];
    await store.getOrCreateKey(client);
    const otherKey = await store.getOrCreateKey(other);
    await store.destroyKey(client, 'TYP relationship ended 4 years ago');
    const first = await store.getDestruction(client);
    expect(first).toEqual({ destroyedAt: expect.any(String), reason: 'TYP relationship ended 4 years ago' });
    await store.destroyKey(client, 'again');
    expect(await store.getDestruction(client)).toEqual(first);
    expect(await store.getKey(client)).toBeNull();
    expect(await store.isDestroyed(client)).toBe(true);
    expect(await store.getKey(other)).toEqual(otherKey); // only that client's key goes
  });

  it('never re-creates a destroyed key, also for a client that never had one', async () => {
    const store = openStore(aKeyFile());
    const [had, never] = [aClientId(), aClientId()];
    await store.getOrCreateKey(had);
    await store.destroyKey(had, 'retention');
    await store.destroyKey(never, 'retention');
    for (const client of [had, never]) {
      const error = await store.getOrCreateKey(client).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ClientKeyDestroyedError);
      expect(error).toMatchObject({ clientId: client, code: 'client_key_destroyed' });
      expect(await store.getKey(client)).toBeNull();
    }
  });

  it('leaves no copy of a destroyed key in the file or its WAL', async () => {
    const path = aKeyFile();
    const store = openStore(path);
    const [client, other] = [aClientId(), aClientId()];
    const key = await store.getOrCreateKey(client);
    const otherKey = await store.getOrCreateKey(other);
    expect(fileBytes(path).includes(key)).toBe(true); // the probe works: the key is on disk
    await store.destroyKey(client, 'retention');
    expect(fileBytes(path).includes(key)).toBe(false);
    await store.close();
    const bytes = fileBytes(path);
    expect(bytes.includes(key)).toBe(false);
    expect(bytes.includes(otherKey)).toBe(true);
  });

  describe('two instances on one file (API and projector)', () => {
    it('agree on one key per client, whichever creates it', async () => {
      const path = aKeyFile();
      const [api, projector] = [openStore(path), openStore(path)];
      const client = aClientId();
      const [a, b] = await Promise.all([api.getOrCreateKey(client), projector.getOrCreateKey(client)]);
      expect(a).toEqual(b);
      expect(await projector.getKey(client)).toEqual(a);
    });

    it('never serve a key the other instance destroyed', async () => {
      const path = aKeyFile();
      const [api, projector] = [openStore(path), openStore(path)];
      const client = aClientId();
      await api.getOrCreateKey(client);
      expect(await projector.getKey(client)).not.toBeNull();
      await api.destroyKey(client, 'retention');
      expect(await projector.getKey(client)).toBeNull();
      expect(await projector.isDestroyed(client)).toBe(true);
      await expect(projector.getOrCreateKey(client)).rejects.toBeInstanceOf(ClientKeyDestroyedError);
    });
  });
});
