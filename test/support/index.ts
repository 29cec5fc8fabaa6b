export * from './principals.js';
export * from './test-app.js';
export * from './projector.js';
