import { createHash, randomUUID } from 'node:crypto';
import { clientIdNamespace } from '../../../../libs/domain/index.js';
import type { CommandMeta } from '../../infrastructure/request-context/index.js';

/**
 * The id of a client registered without one, in the caller's namespace. With an
 * Idempotency-Key it is derived from the (organisation-scoped) key, so a retry of the same
 * registration names the same client and gets the first answer back instead of a
 * "key used for another client"; without a key it is random.
 */
export function generatedClientId(meta: CommandMeta): string {
  return `${clientIdNamespace(meta.principal.organisationId)}${meta.idempotencyKey ? uuidOf(meta.idempotencyKey) : randomUUID()}`;
}

/** An RFC 9562 version 8 (custom) UUID from the SHA-256 of a name. */
function uuidOf(name: string): string {
  const b = createHash('sha256').update(`polku-client-id:${name}`).digest().subarray(0, 16);
  b[6] = (b[6] & 0x0f) | 0x80; // version 8
  b[8] = (b[8] & 0x3f) | 0x80; // RFC 9562 variant
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
