import { resolve } from 'node:path';

/**
 * Which store adapters run, from the environment only. Shared by the API, the projector and
 * the scripts, so they always open the same stores. Add a kind here and a factory in
 * open-stores.ts; `EVENT_STORE=<kind>` / `READ_STORE=<kind>` then selects it.
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

export interface StoreConfigProblem {
  variable: string;
  message: string;
}

/** Every bad store setting at once, each naming its variable. */
export class StoreConfigError extends Error {
  override readonly name = 'StoreConfigError';
  constructor(readonly problems: StoreConfigProblem[]) {
    super(problems.map((p) => p.message).join('; '));
  }
}

type Env = Record<string, string | undefined>;
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const KURRENTDB_URL = /^(kurrentdb|kurrent|kdb|esdb)(\+discover)?:\/\/\S+$/;

export function storeConfigFromEnv(env: Env = process.env): StoresConfig {
  const problems: StoreConfigProblem[] = [];
  const get = (name: string): string | undefined => env[name]?.trim() || undefined; // empty = unset
  const dataDir = resolve(get('DATA_DIR') ?? './data');

  const kindOf = <K extends string>(name: string, kinds: readonly K[]): K | undefined => {
    const value = get(name);
    const alias = get(`${name}_KIND`); // the earlier name, still accepted
    if (value && alias && value !== alias) {
      problems.push({ variable: name, message: `${name}="${value}" and its alias ${name}_KIND="${alias}" disagree` });
      return undefined;
    }
    const kind = value ?? alias ?? 'sqlite';
    if ((kinds as readonly string[]).includes(kind)) return kind as K;
    const variable = value ? name : `${name}_KIND`;
    problems.push({ variable, message: `${variable} must be one of ${kinds.join(', ')}, got "${kind}"` });
    return undefined;
  };
  const pathOf = (variable: string, file: string): string => {
    const explicit = get(variable);
    // ':memory:' would be a store nobody else sees (the projector, the other process)
    if (explicit === ':memory:') problems.push({ variable, message: `${variable} must be a file path, not :memory:` });
    return explicit ? resolve(explicit) : resolve(dataDir, file); // relative to the working directory
  };

  const eventKind = kindOf('EVENT_STORE', EVENT_STORE_KINDS);
  const readKind = kindOf('READ_STORE', READ_STORE_KINDS);
  const eventPath = pathOf('EVENT_STORE_PATH', 'events.sqlite');
  const readPath = pathOf('READ_STORE_PATH', 'read.sqlite');
  const keyStorePath = pathOf('KEY_STORE_PATH', 'keys.sqlite');

  let postgres: PostgresSettings | undefined;
  if (eventKind === 'postgres' || readKind === 'postgres') {
    const url = get('DATABASE_URL');
    const schema = get('DATABASE_SCHEMA') ?? 'public';
    if (!url) {
      problems.push({
        variable: 'DATABASE_URL',
        message: 'DATABASE_URL is required when EVENT_STORE=postgres or READ_STORE=postgres',
      });
    } else if (!/^postgres(ql)?:\/\//.test(url)) {
      problems.push({ variable: 'DATABASE_URL', message: 'DATABASE_URL must be a postgres:// or postgresql:// URL' });
    }
    if (!SCHEMA_NAME.test(schema)) {
      problems.push({
        variable: 'DATABASE_SCHEMA',
        message: `DATABASE_SCHEMA must be a lower-case identifier (a-z, 0-9, _), got "${schema}"`,
      });
    }
    if (url) postgres = { url, schema };
  }

  let kurrentdb: KurrentDbSettings | undefined;
  if (eventKind === 'kurrentdb') {
    const url = get('KURRENTDB_URL');
    if (!url) {
      problems.push({
        variable: 'KURRENTDB_URL',
        message: 'KURRENTDB_URL is required when EVENT_STORE=kurrentdb (e.g. kurrentdb://127.0.0.1:2113?tls=false)',
      });
    } else if (!KURRENTDB_URL.test(url)) {
      problems.push({
        variable: 'KURRENTDB_URL',
        message:
          'KURRENTDB_URL must be a kurrentdb://, kurrent://, kdb:// or esdb:// connection string (optionally +discover)',
      });
    } else {
      kurrentdb = { url };
    }
  }

  if (problems.length > 0 || !eventKind || !readKind) throw new StoreConfigError(problems);
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
