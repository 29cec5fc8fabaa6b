/** Errors every read-store adapter raises the same way. */

/** Another writer moved the checkpoint past this batch: the batch is stale and was not written. */
export class CheckpointRegressionError extends Error {
  override readonly name = 'CheckpointRegressionError';
  constructor(
    readonly current: bigint,
    readonly attempted: bigint,
  ) {
    super(`Read-store checkpoint is at ${current}; refusing to move it back to ${attempted}`);
  }
}

/** The read store cannot be reached for now (database down or restarting): retry shortly. */
export class ReadStoreUnavailableError extends Error {
  override readonly name = 'ReadStoreUnavailableError';
  readonly retryable = true;
}
