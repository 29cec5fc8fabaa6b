export { SqliteKeyStore } from './sqlite-key-store.js';
