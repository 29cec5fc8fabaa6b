export * from './kafka-command-contract.js';
export * from './kafka-envelope.dto.js';
