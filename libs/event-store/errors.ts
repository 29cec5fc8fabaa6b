/** Store errors mapped at the adapter to these, so callers never see driver errors. */
export class StreamVersionConflictError extends Error {
  readonly code = 'stream_version_conflict';
  constructor(readonly clientId: string, readonly expected: bigint | 'any', readonly actual: bigint) {
    super(`Client stream ${clientId} is at version ${actual}, expected ${String(expected)}`);
  }
}

export class IdempotencyKeyReusedError extends Error {
  readonly code = 'idempotency_key_reused';
  constructor(readonly key: string, readonly clientId: string) {
    super(`Idempotency key ${key} was already used for another client stream`);
  }
}
