export * from './store-config.js';
export * from './store-env.js';
export * from './open-stores.js';
