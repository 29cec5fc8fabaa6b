/**
 * DI tokens for ports and settings. Interfaces vanish at runtime (and ts-jest's
 * isolatedModules cannot emit metadata for them), so inject these with `@Inject(TOKEN)`.
 */

/** `EventStore` from libs/event-store. */
export const EVENT_STORE = Symbol('polku.EVENT_STORE');
/** `ReadStore` from libs/read-store. */
export const READ_STORE = Symbol('polku.READ_STORE');
/** `ApiConfig` from apps/api/config.ts. */
export const API_CONFIG = Symbol('polku.API_CONFIG');
/** `Clock`: the only source of "now" in the API, so tests can fix time. */
export const CLOCK = Symbol('polku.CLOCK');

export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

/** `AuditLog` from libs/audit-log: usage and disclosure logs. */
export const AUDIT_LOG = Symbol('polku.AUDIT_LOG');

/** `ClientKeyStore` from libs/key-store: per-client keys for personal fields. */
export const KEY_STORE = Symbol('polku.KEY_STORE');

/** `PolkuMetrics` from libs/observability: this process's Prometheus metrics. */
export const METRICS = Symbol('polku.METRICS');
