export * from './dates.js';
export * from './date-bounds.js';
