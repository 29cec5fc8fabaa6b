export * from './model.js';
export * from './port.js';
export * from './errors.js';
export * from './client-search.js';
export * from './tables.js';
export * from './organisation-directory.js';
