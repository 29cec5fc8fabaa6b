export { PostgresReadStore, type PostgresReadStoreOptions } from './postgres-read-store.js';
export { PostgresReadStoreSchemaMismatchError } from './errors.js';
export { READ_STORE_SCHEMA_VERSION } from './schema.js';
