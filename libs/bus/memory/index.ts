export * from './memory-bus.js';
