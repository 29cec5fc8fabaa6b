export { ProtectedEventStore } from './protected-event-store.js';
export * from './errors.js';
