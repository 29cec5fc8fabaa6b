export * from './envelope.js';
export * from './codes.js';
export * from './catalogue.js';
export * from './versions.js';
export * from './upcasters.js';
export * from './personal-data.js';
