import type { Setting } from '../setting.js';
import { AUDIT_LOG_SETTINGS } from './audit-log.js';
import { AUTH_SETTINGS } from './auth.js';
import { BUS_SETTINGS } from './bus.js';
import { CLIENT_STATE_CACHE_SETTINGS } from './client-state-cache.js';
import { HTTP_SETTINGS } from './http.js';
import { INGEST_SETTINGS } from './ingest.js';
import { LAUNCHER_SETTINGS, TOOLING_SETTINGS } from './launcher.js';
import { OBSERVABILITY_SETTINGS } from './observability.js';
import { PROJECTOR_SETTINGS } from './projector.js';
import { RUNTIME_SETTINGS } from './runtime.js';
import { STORE_SETTINGS } from './store.js';
import { WEB_SESSION_SETTINGS } from './web-session.js';

export * from './audit-log.js';
export * from './auth.js';
export * from './bus.js';
export * from './client-state-cache.js';
export * from './http.js';
export * from './ingest.js';
export * from './launcher.js';
export * from './observability.js';
export * from './projector.js';
export * from './runtime.js';
export * from './store.js';
export * from './web-session.js';

/** Every setting, section by section, in the order the documentation lists them. */
export const ALL_SETTINGS: readonly Setting<unknown>[] = [
  RUNTIME_SETTINGS,
  HTTP_SETTINGS,
  STORE_SETTINGS,
  AUTH_SETTINGS,
  AUDIT_LOG_SETTINGS,
  CLIENT_STATE_CACHE_SETTINGS,
  OBSERVABILITY_SETTINGS,
  WEB_SESSION_SETTINGS,
  BUS_SETTINGS,
  INGEST_SETTINGS,
  PROJECTOR_SETTINGS,
  LAUNCHER_SETTINGS,
  TOOLING_SETTINGS,
].flatMap((section) => Object.values(section) as Setting<unknown>[]);
