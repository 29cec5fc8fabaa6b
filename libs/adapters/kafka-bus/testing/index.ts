export * from './kafka-test-env.js';
