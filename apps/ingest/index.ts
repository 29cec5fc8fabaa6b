export * from './config.js';
export * from './command-table.js';
export * from './envelope.js';
export * from './validate.js';
export * from './identify.js';
export * from './classify.js';
export * from './ingest-handler.js';
export * from './runtime.js';
