import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { readModelFixture as fixture, readStoreContract } from '../../read-store/contract/index.js';
import { ReadStoreSchemaMismatchError, SqliteReadStore } from './index.js';
import { DATA_TABLES, READ_STORE_SCHEMA_VERSION } from './schema.js';
import { prepareStatements } from './statements.js';

// The behaviour every read store shares (libs/read-store/contract), on a fresh file per test.
readStoreContract('SqliteReadStore', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'polku-read-'));
  const path = join(dir, 'nested', 'read.sqlite'); // a missing directory: open() must create it
  let store = SqliteReadStore.open(path);
  return {
    store,
    reopen: async () => {
      await store.close();
      store = SqliteReadStore.open(path);
      return store;
    },
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

/** What only a SQLite file shows: its tables, pragmas and schema version. */
describe('SqliteReadStore on a file', () => {
  let dir: string;
  let path: string;
  let store: SqliteReadStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'polku-read-'));
    path = join(dir, 'nested', 'read.sqlite');
    store = SqliteReadStore.open(path);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reset leaves every table empty', async () => {
    await store.commitBatch(fixture(), 12n);
    await store.reset();
    const db = new Database(path, { readonly: true });
    try {
      for (const table of DATA_TABLES) {
        expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(0);
      }
    } finally {
      db.close();
    }
  });

  it('runs in WAL mode with synchronous=NORMAL (the checkpoint commits with the models)', async () => {
    await store.commitBatch(fixture(), 12n);
    const db = new Database(path);
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
    expect((store as unknown as { db: Database.Database }).db.pragma('synchronous', { simple: true })).toBe(1);
  });

  it('reads a worklist page from the covering index alone', async () => {
    await store.commitBatch(fixture(), 12n);
    const check = new Database(path, { readonly: true });
    try {
      const plan = check
        .prepare(`EXPLAIN QUERY PLAN SELECT client_id, kind, ref_id, description FROM deadlines
        WHERE organisation_id = 'org-a' AND due_date <= '2025-04-01' ORDER BY due_date, client_id, kind, ref_id LIMIT 10`)
        .all() as { detail: string }[];
      expect(plan.map((p) => p.detail).join(' ')).toMatch(/COVERING INDEX deadlines_worklist/);
    } finally {
      check.close();
    }
  });

  it("reads a name search's candidates from the viewer's own holder keys in the word index", async () => {
    const db = new Database(path, { readonly: true });
    try {
      const sql = prepareStatements(db).searchAdmitted.source;
      const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({
        clientId: 'x',
        identityCode: null,
        words: '["aar"]',
        lead: 'aar',
        holderKeys: '[]',
        organisationId: 'org-a',
        personId: 'p',
        today: '2025-06-01',
        limit: 10,
        afterSort: null,
        afterClient: null,
      }) as { detail: string }[];
      expect(plan.map((p) => p.detail).join(' ')).toMatch(
        /client_search_holder_words USING PRIMARY KEY \(holder=\? AND word>\? AND word<\?\)/,
      );
    } finally {
      db.close();
    }
  });

  it('refuses a file written by a newer schema version', async () => {
    const newer = join(dir, 'newer.sqlite');
    const db = new Database(newer);
    db.pragma('user_version = 99');
    db.close();
    expect(() => SqliteReadStore.open(newer)).toThrow(ReadStoreSchemaMismatchError);
  });

  it('empties and recreates a file of an older schema version: checkpoint 0, so the projector rebuilds it', async () => {
    const older = join(dir, 'older.sqlite');
    const db = new Database(older);
    // version 1: the documents had json_valid CHECKs
    db.exec(`CREATE TABLE client_models (client_id TEXT PRIMARY KEY, last_position INTEGER NOT NULL,
      path TEXT NOT NULL CHECK (json_valid(path)), state TEXT NOT NULL CHECK (json_valid(state))) STRICT;
      CREATE TABLE checkpoints (name TEXT PRIMARY KEY, position INTEGER NOT NULL) STRICT;
      INSERT INTO client_models VALUES ('c-1', 5, '{}', '{}');
      INSERT INTO checkpoints VALUES ('client-read-model', 5);`);
    db.pragma('user_version = 1');
    db.close();
    const reopened = SqliteReadStore.open(older);
    try {
      expect(await reopened.checkpoint()).toBe(0n);
      expect((await reopened.getClients(['c-1'])).size).toBe(0);
      await reopened.commitBatch(fixture(), 3n);
      expect(await reopened.checkpoint()).toBe(3n);
    } finally {
      await reopened.close();
    }
    const check = new Database(older, { readonly: true });
    try {
      expect(check.pragma('user_version', { simple: true })).toBe(READ_STORE_SCHEMA_VERSION);
    } finally {
      check.close();
    }
  });
});
