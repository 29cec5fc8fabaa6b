export * from './rule-sets.js';
export * from './service-types.js';
