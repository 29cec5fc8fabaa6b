/**
 * One typed configuration: setting definitions (./sections), per-process loaders
 * (./loaders), one ConfigError. `environment.ts` is the only reader of the process environment;
 * docs/configuration.md is generated from the definitions (`npm run config:docs`).
 */
export * from './config-error.js';
export * from './environment.js';
export * from './kinds.js';
export * from './setting.js';
export * from './sections/index.js';
export * from './loaders/index.js';
export * from './docs/index.js';
