export * from './api.js';
export * from './ingest.js';
export * from './launcher.js';
export * from './projector.js';
export * from './test-environment.js';
