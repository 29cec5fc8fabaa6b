import { resolve } from 'node:path';
import type { Environment } from '../environment.js';
import type { Problems } from '../config-error.js';
import { directory, filePath, matching, oneOf } from '../kinds.js';
import { rawValue, read, readOr, setting, type Defaulted } from '../setting.js';

/**
 * Which store adapters run. Shared by the API, the projector, the ingest and the scripts, so
 * they always open the same stores. Add a kind here and a factory in libs/adapters/open-stores.
 */
export const EVENT_STORE_KINDS = ['sqlite', 'postgres', 'kurrentdb'] as const;
export const READ_STORE_KINDS = ['sqlite', 'postgres'] as const;
export type EventStoreKind = (typeof EVENT_STORE_KINDS)[number];
export type ReadStoreKind = (typeof READ_STORE_KINDS)[number];

export interface PostgresSettings {
  /** `DATABASE_URL`; may hold a password: never log it. */
  url: string;
  /** `DATABASE_SCHEMA` (default `public`): the schema holding the tables. */
  schema: string;
}

export interface KurrentDbSettings {
  /** `KURRENTDB_URL`, e.g. `kurrentdb://127.0.0.1:2113?tls=false`; may hold credentials: never log it. */
  url: string;
}

interface StoreSettings<K> {
  kind: K;
  /** Absolute path of the SQLite file (used when kind is sqlite; always set, as before). */
  path: string;
  /** Set when kind is postgres. */
  postgres?: PostgresSettings;
}
export type EventStoreConfig = StoreSettings<EventStoreKind> & {
  /** Set when kind is kurrentdb. */
  kurrentdb?: KurrentDbSettings;
  /** Per-client keys for personal fields (KEY_STORE_PATH, default $DATA_DIR/keys.sqlite), kept apart from the events. */
  keyStorePath: string;
};
export type ReadStoreConfig = StoreSettings<ReadStoreKind>;

export interface StoresConfig {
  /** Absolute `DATA_DIR` (default ./data). */
  dataDir: string;
  eventStore: EventStoreConfig;
  readStore: ReadStoreConfig;
}

const section = 'store';
export const STORE_SETTINGS = {
  dataDir: setting({
    name: 'DATA_DIR',
    section,
    kind: directory,
    default: './data',
    group: 'operator',
    description: 'where the SQLite files live (relative to the working directory)',
  }),
  eventStore: setting({
    name: 'EVENT_STORE',
    section,
    kind: oneOf(EVENT_STORE_KINDS),
    default: 'sqlite',
    group: 'operator',
    aliases: ['EVENT_STORE_KIND'],
    description: 'event store adapter; `EVENT_STORE_KIND` is accepted as an alias',
  }),
  readStore: setting({
    name: 'READ_STORE',
    section,
    kind: oneOf(READ_STORE_KINDS),
    default: 'sqlite',
    group: 'operator',
    aliases: ['READ_STORE_KIND'],
    description: 'read-model store adapter; `READ_STORE_KIND` is accepted as an alias',
  }),
  eventStorePath: setting({
    name: 'EVENT_STORE_PATH',
    section,
    kind: filePath,
    defaultText: '`$DATA_DIR/events.sqlite`',
    group: 'operator',
    description: 'event store file (SQLite)',
  }),
  readStorePath: setting({
    name: 'READ_STORE_PATH',
    section,
    kind: filePath,
    defaultText: '`$DATA_DIR/read.sqlite`',
    group: 'operator',
    description: 'read-model file (SQLite)',
  }),
  keyStorePath: setting({
    name: 'KEY_STORE_PATH',
    section,
    kind: filePath,
    defaultText: '`$DATA_DIR/keys.sqlite`',
    group: 'operator',
    description:
      'per-client keys for personal fields (destroyed on erasure; keep its backups apart from the events, and short-lived)',
  }),
  databaseUrl: setting({
    name: 'DATABASE_URL',
    section,
    kind: matching(/^postgres(ql)?:\/\//, 'a postgres:// or postgresql:// URL', { secret: true }),
    required: 'when either store is `postgres`',
    secret: true,
    group: 'operator',
    description: '`postgres://user:password@host:port/database` (may hold a password: never logged)',
  }),
  databaseSchema: setting({
    name: 'DATABASE_SCHEMA',
    section,
    kind: matching(/^[a-z_][a-z0-9_]{0,62}$/, 'a lower-case identifier (a-z, 0-9, _)'),
    default: 'public',
    group: 'operator',
    description: "PostgreSQL schema for both stores' tables (created when missing)",
  }),
  kurrentDbUrl: setting({
    name: 'KURRENTDB_URL',
    section,
    kind: matching(
      /^(kurrentdb|kurrent|kdb|esdb)(\+discover)?:\/\/\S+$/,
      'a kurrentdb://, kurrent://, kdb:// or esdb:// connection string (optionally +discover)',
      { secret: true },
    ),
    required: 'when `EVENT_STORE=kurrentdb`',
    secret: true,
    group: 'operator',
    description:
      '`kurrentdb://host:2113?tls=false` (`+discover` and several hosts for a cluster; `user:password@` for a secure one)',
  }),
} as const;

/** The store selection; every problem names its setting. */
export function readStores(env: Environment, problems: Problems): StoresConfig | undefined {
  const s = STORE_SETTINGS;
  const before = problems.count;
  const dataDir = resolve(readOr(env, s.dataDir, problems));
  const eventKind = kindOf(env, s.eventStore, problems);
  const readKind = kindOf(env, s.readStore, problems);
  const eventPath = read(env, s.eventStorePath, problems) ?? resolve(dataDir, 'events.sqlite');
  const readPath = read(env, s.readStorePath, problems) ?? resolve(dataDir, 'read.sqlite');
  const keyStorePath = read(env, s.keyStorePath, problems) ?? resolve(dataDir, 'keys.sqlite');

  let postgres: PostgresSettings | undefined;
  if (eventKind === 'postgres' || readKind === 'postgres') {
    const url = read(env, s.databaseUrl, problems);
    const schema = read(env, s.databaseSchema, problems) ?? 'public';
    if (!rawValue(env, s.databaseUrl.name))
      problems.add(s.databaseUrl.name, 'DATABASE_URL is required when EVENT_STORE=postgres or READ_STORE=postgres');
    if (url) postgres = { url, schema };
  }

  let kurrentdb: KurrentDbSettings | undefined;
  if (eventKind === 'kurrentdb') {
    if (!rawValue(env, s.kurrentDbUrl.name)) {
      problems.add(
        s.kurrentDbUrl.name,
        'KURRENTDB_URL is required when EVENT_STORE=kurrentdb (e.g. kurrentdb://127.0.0.1:2113?tls=false)',
      );
    }
    const url = read(env, s.kurrentDbUrl, problems);
    if (url) kurrentdb = { url };
  }

  if (problems.count > before || !eventKind || !readKind) return undefined;
  return {
    dataDir,
    eventStore: {
      kind: eventKind,
      path: eventPath,
      keyStorePath,
      ...(eventKind === 'postgres' ? { postgres } : {}),
      ...(kurrentdb ? { kurrentdb } : {}),
    },
    readStore: { kind: readKind, path: readPath, ...(readKind === 'postgres' ? { postgres } : {}) },
  };
}

/** `NAME` or its earlier alias `NAME_KIND`; both set must agree. */
function kindOf<K extends string>(env: Environment, definition: Defaulted<K>, problems: Problems): K | undefined {
  const { name } = definition;
  const value = rawValue(env, name);
  const aliasName = `${name}_KIND`;
  const alias = rawValue(env, aliasName);
  if (value && alias && value !== alias) {
    problems.add(name, `${name}="${value}" and its alias ${aliasName}="${alias}" disagree`);
    return undefined;
  }
  const variable = value ? name : aliasName;
  return read({ [variable]: value ?? alias }, { ...definition, name: variable }, problems);
}
