export * from './errors.js';
export * from './time/index.js';
export * from './rule-sets/index.js';
export * from './client-path/index.js';
export * from './rules/index.js';
export * from './decisions/index.js';
export * from './access/index.js';
