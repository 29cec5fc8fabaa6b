export * from './fixtures.js';
export * from './history.js';
