export { SqliteReadStore } from './sqlite-read-store.js';
export { CheckpointRegressionError, ReadStoreSchemaMismatchError } from './support.js';
export { READ_STORE_SCHEMA_VERSION } from './schema.js';
