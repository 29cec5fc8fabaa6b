export * from './correlation-id.middleware.js';
export * from './command-meta.decorator.js';
export * from './document-on-method.js';
