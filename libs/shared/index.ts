export * from './backoff.js';
export * from './worker-thread/index.js';
