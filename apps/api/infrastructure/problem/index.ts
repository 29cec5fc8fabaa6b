export * from '../../../../libs/problem/index.js';
export * from './to-problem.js';
export * from './problem.filter.js';
export * from './problem.module.js';
export * from './api-problem-response.js';
