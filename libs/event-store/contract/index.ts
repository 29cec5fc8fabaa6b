export * from './event-store.contract.js';
export * from './context.js';
export * from './builders.js';
