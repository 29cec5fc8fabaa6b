export * from './store-config.js';
export * from './store-env.js';
export * from './open-stores.js';
export * from './until-available.js';
