export * from './kafka-client.js';
export * from './kafka-topics.js';
export * from './kafka-event-publisher.js';
export * from './kafka-command-inbox.js';
export * from './batch-scope.js';
