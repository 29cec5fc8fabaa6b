/**
 * Per-client encryption keys for personal data in events, kept apart from the events so
 * that destroying a key erases (crypto-shreds) the client's personal data without touching
 * the immutable, hash-chained event log. Destruction is final: a destroyed key is never
 * re-created, otherwise new personal data would quietly become readable again under a
 * client the register considers erased.
 */
export interface ClientKeyStore {
  /** The client's 32-byte key, created on first use. ClientKeyDestroyedError once destroyed. */
  getOrCreateKey(clientId: string): Promise<Buffer>;
  /** The key, or null when it was never created or has been destroyed. */
  getKey(clientId: string): Promise<Buffer | null>;
  isDestroyed(clientId: string): Promise<boolean>;
  /** When and why the key was destroyed (the recorded deletion), or null. */
  getDestruction(clientId: string): Promise<KeyDestruction | null>;
  /**
   * Idempotent: a second call keeps the first time and reason. Also works for a client that
   * never had a key, so no key can be created for them later.
   */
  destroyKey(clientId: string, reason: string): Promise<void>;
  close(): Promise<void>;
}

export interface KeyDestruction {
  /** ISO instant. */
  destroyedAt: string;
  reason: string;
}
