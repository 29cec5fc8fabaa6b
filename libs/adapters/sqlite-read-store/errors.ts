/** Errors of the SQLite read store. */

export class ReadStoreSchemaMismatchError extends Error {
  override readonly name = 'ReadStoreSchemaMismatchError';
  constructor(readonly found: number, readonly expected: number) {
    super(`Read store schema version ${found} is not ${expected}: delete the read-store file and run the projector rebuild`);
  }
}

/** Another writer moved the checkpoint past this batch: the batch is stale and was not written. */
export class CheckpointRegressionError extends Error {
  override readonly name = 'CheckpointRegressionError';
  constructor(readonly current: bigint, readonly attempted: bigint) {
    super(`Read-store checkpoint is at ${current}; refusing to move it back to ${attempted}`);
  }
}
