export * from './model.js';
export * from './port.js';
export * from './errors.js';
