export * from './read-store.contract.js';
export * from './context.js';
export * from './fixture.js';
