export * from './principals.js';
export * from './test-app.js';
