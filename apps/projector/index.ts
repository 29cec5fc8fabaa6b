export * from './runtime/projector.js';
export { applyEvent } from './projections/client-read-model.js';
export { loadConfig, ConfigError, type ProjectorConfig } from './config.js';
