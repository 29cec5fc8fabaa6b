export * from './problem-types.js';
export * from './problem-exception.js';
export * from './input-limits.js';
export * from './validation.js';
