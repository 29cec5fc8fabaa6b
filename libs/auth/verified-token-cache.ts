import type { Principal } from './principal.js';

/** What a successful verification established, kept for the token's remaining lifetime. */
export interface VerifiedToken {
  principal: Principal;
  /** Seconds since the epoch, as in the token. */
  exp: number;
  nbf?: number;
  /** jwks mode: the key that verified the signature, so a rotated-out key is noticed. */
  key?: unknown;
  header?: Record<string, unknown>;
}

/**
 * Verified tokens by their exact text, so a caller reusing a token skips the signature
 * check. Bounded (least recently used go first) and never past the token's `exp`: an
 * expired or not-yet-valid token misses and is refused by the full verification, with its
 * usual error.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, VerifiedToken>();
  private lastSweep = 0;

  constructor(
    readonly maxTokens = 10_000,
    private readonly toleranceSeconds = 0,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get(token: string, nowSeconds: number): VerifiedToken | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (!this.valid(entry, nowSeconds)) {
      this.entries.delete(token);
      return undefined;
    }
    this.entries.delete(token);
    this.entries.set(token, entry);
    return entry;
  }

  set(token: string, entry: VerifiedToken, nowSeconds: number): void {
    if (this.maxTokens === 0) return;
    this.entries.delete(token);
    this.entries.set(token, entry);
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxTokens) break;
      this.entries.delete(oldest);
    }
    // Expired tokens of callers who never come back leave within a minute.
    if (nowSeconds - this.lastSweep >= 60 || nowSeconds < this.lastSweep) {
      this.lastSweep = nowSeconds;
      for (const [t, e] of this.entries) if (!this.valid(e, nowSeconds)) this.entries.delete(t);
    }
  }

  delete(token: string): void {
    this.entries.delete(token);
  }

  /** The same checks and tolerance as jose's: `exp > now - tolerance`, `nbf <= now + tolerance`. */
  private valid(entry: VerifiedToken, nowSeconds: number): boolean {
    return (
      entry.exp > nowSeconds - this.toleranceSeconds &&
      (entry.nbf === undefined || entry.nbf <= nowSeconds + this.toleranceSeconds)
    );
  }
}
