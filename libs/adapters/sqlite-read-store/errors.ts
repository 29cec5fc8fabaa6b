/** Errors of the SQLite read store. */

// Shared by every read-store adapter (and its contract suite); re-exported for existing imports.
export { CheckpointRegressionError } from '../../read-store/errors.js';

export class ReadStoreSchemaMismatchError extends Error {
  override readonly name = 'ReadStoreSchemaMismatchError';
  constructor(
    readonly found: number,
    readonly expected: number,
  ) {
    super(
      `Read store schema version ${found} is newer than this code's (${expected}): run the newer code, or delete the read-store file and rebuild`,
    );
  }
}
