/** Store errors mapped at the adapter to these, so callers never see driver errors. */
export class StreamVersionConflictError extends Error {
  override readonly name = 'StreamVersionConflictError';
  readonly code = 'stream_version_conflict';
  constructor(
    readonly clientId: string,
    readonly expected: bigint | 'any',
    readonly actual: bigint,
  ) {
    super(`Client stream ${clientId} is at version ${actual}, expected ${String(expected)}`);
  }
}

/** Why a key cannot be used again: it belongs to another client, or to another request for this one. */
export type IdempotencyKeyReuse = 'other_client' | 'different_request';

export class IdempotencyKeyReusedError extends Error {
  override readonly name = 'IdempotencyKeyReusedError';
  readonly code = 'idempotency_key_reused';
  constructor(
    readonly key: string,
    readonly clientId: string,
    readonly reuse: IdempotencyKeyReuse = 'other_client',
  ) {
    super(
      reuse === 'other_client'
        ? `Idempotency key ${key} was already used for another client stream`
        : `Idempotency key ${key} was already used for a different request`,
    );
  }
}

/**
 * The one rule every adapter applies to a key it has stored: the same client, and the same
 * request when both fingerprints are known (keys stored before fingerprints match any).
 */
export function assertSameKeyUse(
  key: string,
  clientId: string,
  stored: { clientId: string; requestHash?: string | null },
  requestHash: string | undefined,
): void {
  if (stored.clientId !== clientId) throw new IdempotencyKeyReusedError(key, clientId, 'other_client');
  if (requestHash !== undefined && stored.requestHash != null && stored.requestHash !== requestHash) {
    throw new IdempotencyKeyReusedError(key, clientId, 'different_request');
  }
}
