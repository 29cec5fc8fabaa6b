export * from './document.js';
export * from './kafka-schema.js';
export * from './setup.js';
