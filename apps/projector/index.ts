export * from './runtime/index.js';
export * from './projections/index.js';
export * from './config.js';
