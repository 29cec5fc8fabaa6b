export * from './sqlite-checkpoint-store.js';
