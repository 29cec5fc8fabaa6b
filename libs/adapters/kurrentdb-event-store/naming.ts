import { createHash } from 'node:crypto';
import { streamNameFilter, type Filter } from '@kurrent/kurrentdb-client';

/**
 * Stream names. Every Polku stream starts with `<namespace>-` (default `polku`): one stream
 * per client, `polku-client-<clientId>`, and one idempotency-marker stream per key,
 * `polku-idem-<sha256(key)>`. A namespace lets several stores share one KurrentDB (the
 * contract suite gives each test its own, so each test sees an empty store).
 */
export const DEFAULT_NAMESPACE = 'polku';

/** Letters, digits and `_` only: no `-`, so one namespace's prefix never matches another's streams. */
const NAMESPACE = /^[A-Za-z0-9_]{1,40}$/;

export interface StreamNames {
  namespace: string;
  /** `<namespace>-client-`: the prefix of every client stream (the $all filter). */
  clientPrefix: string;
  client(clientId: string): string;
  idempotencyMarker(key: string): string;
}

export function streamNames(namespace: string = DEFAULT_NAMESPACE): StreamNames {
  if (!NAMESPACE.test(namespace)) {
    throw new RangeError(`KurrentDB namespace must be 1-40 letters, digits or _, got "${namespace}"`);
  }
  const clientPrefix = `${namespace}-client-`;
  return {
    namespace,
    clientPrefix,
    client: (clientId) => {
      if (clientId.length === 0) throw new RangeError('clientId must not be empty');
      return `${clientPrefix}${clientId}`;
    },
    // Hashed: keys are caller text (any length or character); the key itself is in the marker.
    idempotencyMarker: (key) => `${namespace}-idem-${createHash('sha256').update(key).digest('hex')}`,
  };
}

/**
 * The server-side filter for reading and subscribing to `$all`: our client streams only, by
 * stream-name prefix. It excludes system streams (`$...`), the idempotency markers and other
 * namespaces sharing the server. (An event-type filter on the catalogue types would also
 * exclude system events, but could not tell namespaces apart.)
 */
export function allStreamFilter(names: StreamNames): Filter {
  return streamNameFilter({ prefixes: [names.clientPrefix] });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * KurrentDB event ids are UUIDs. Polku's event id is used as is when it is one (so the
 * server's own duplicate-write detection sees our ids); otherwise a UUID derived from its
 * sha256 (stable, version nibble 8 = custom). The Polku id itself is always in the metadata.
 */
export function kurrentEventId(eventId: string): string {
  if (UUID.test(eventId)) return eventId.toLowerCase();
  const hex = createHash('sha256').update(eventId).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
