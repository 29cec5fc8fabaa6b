export * from './model.js';
export * from './port.js';
