export { SqliteReadStore } from './sqlite-read-store.js';
export { CheckpointRegressionError, ReadStoreSchemaMismatchError } from './errors.js';
export { READ_STORE_SCHEMA_VERSION } from './schema.js';
