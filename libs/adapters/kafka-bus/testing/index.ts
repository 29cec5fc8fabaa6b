export * from './kafka-test-env.js';
export * from './throwaway-kafka.js';
