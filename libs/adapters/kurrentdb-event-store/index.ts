export { KurrentDbEventStore, type KurrentDbEventStoreOptions } from './kurrentdb-event-store.js';
export { DEFAULT_NAMESPACE } from './naming.js';
export { followFrom, type EventSource, type FollowOptions } from './subscription.js';
export { backoffDelay, RESUBSCRIBE_BACKOFF, type BackoffSchedule } from './backoff.js';
