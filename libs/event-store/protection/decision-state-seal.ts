import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { ClientKeyStore } from '../../key-store/index.js';

/** What one seal binds together. */
export interface SealedState {
  clientId: string;
  /** Stream version and global position of the last event folded into the state. */
  version: bigint;
  position: bigint;
  /** The state as the JSON text that is stored (sealed as text: jsonb does not keep key order). */
  json: string;
}

// A key of its own for the seal, derived from the client's: the AES-GCM key is never used as a MAC key.
const SEAL_KEY_INFO = Buffer.from('polku decision-state seal v1');

/**
 * Seals a client's folded decision state with a key derived from the client's key, so a state
 * read back from the read store can be trusted by commands as if folded from the event store
 * itself: a state altered, made up or moved to another client outside the projector does not
 * verify. Destroying the client's key (erasure) leaves nothing sealed or verifiable.
 */
export class DecisionStateSeal {
  constructor(private readonly keys: Pick<ClientKeyStore, 'getKey'>) {}

  /** The seal (base64url HMAC-SHA256), or null when the client has no key (none yet, or erased). */
  async seal(state: SealedState): Promise<string | null> {
    const key = await this.keys.getKey(state.clientId);
    return key && macOf(key, state).toString('base64url');
  }

  /** Whether `seal` is this state's; false without the client's key. */
  async verify(state: SealedState, seal: string): Promise<boolean> {
    const key = await this.keys.getKey(state.clientId);
    if (!key) return false;
    const given = Buffer.from(seal, 'base64url');
    const expected = macOf(key, state);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

function macOf(key: Buffer, s: SealedState): Buffer {
  const macKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), SEAL_KEY_INFO, 32));
  return createHmac('sha256', macKey).update(`${s.clientId}\n${s.version}\n${s.position}\n`).update(s.json).digest();
}
