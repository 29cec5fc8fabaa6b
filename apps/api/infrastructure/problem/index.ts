export * from './problem-types.js';
export * from './problem-exception.js';
export * from './validation.js';
export * from './to-problem.js';
export * from './problem.filter.js';
export * from './problem.module.js';
export * from './api-problem-response.js';
