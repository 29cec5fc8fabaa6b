export * from './pool.js';
export * from './schema-name.js';
export * from './errors.js';
export * from './test-schema.js';
