/**
 * The command catalogue: what a client command looks like at either door (HTTP body or
 * Kafka message). The API and the ingest both import it; it imports no app.
 */
export * from './id-patterns.js';
export * from './fields/index.js';
export * from './clients/index.js';
export * from './people/index.js';
export * from './periods/index.js';
export * from './plans/index.js';
export * from './referrals/index.js';
export * from './typ/index.js';
export * from './erasure/index.js';
export * from './envelope/index.js';
export * from './command-table/index.js';
