export * from './state.js';
export * from './evolve.js';
export * from './in-order.js';
export * from './fold.js';
