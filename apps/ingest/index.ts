export * from './config.js';
export * from './validate.js';
export * from './identify.js';
export * from './classify.js';
export * from './ingest-handler.js';
export * from './runtime.js';
export * from './publication.js';
