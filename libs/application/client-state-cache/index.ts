export * from './client-state-cache.js';
export * from './per-store.js';
