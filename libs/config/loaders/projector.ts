import { ConfigError, Problems } from '../config-error.js';
import { processEnvironment, type Environment } from '../environment.js';
import { readProjector, type ProjectorSettings } from '../sections/projector.js';
import { readStores, type EventStoreConfig, type ReadStoreConfig } from '../sections/store.js';

export const PROJECTOR_MODES = ['follow', 'rebuild', 'catch-up'] as const;
export type ProjectorMode = (typeof PROJECTOR_MODES)[number];

export interface ProjectorConfig extends ProjectorSettings {
  /** Selected like the API's: EVENT_STORE / READ_STORE, *_PATH, DATA_DIR, DATABASE_URL. */
  eventStore: EventStoreConfig;
  readStore: ReadStoreConfig;
}

/** Reads and validates every projector setting; throws one ConfigError naming each bad one. */
export function loadProjectorConfig(env: Environment = processEnvironment()): ProjectorConfig {
  const problems = new Problems();
  const stores = readStores(env, problems);
  const settings = readProjector(env, problems);
  problems.throwIfAny();
  const { eventStore, readStore } = stores!;
  return { eventStore, readStore, ...settings };
}

/** The command-line mode (`follow` when none). */
export function parseProjectorMode(arg: string | undefined): ProjectorMode {
  const mode = arg ?? 'follow';
  if (!(PROJECTOR_MODES as readonly string[]).includes(mode)) {
    throw new ConfigError([
      { setting: 'mode', message: `unknown mode "${mode}", expected one of ${PROJECTOR_MODES.join(', ')}` },
    ]);
  }
  return mode as ProjectorMode;
}
