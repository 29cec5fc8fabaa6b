export * from './client-read-model.js';
