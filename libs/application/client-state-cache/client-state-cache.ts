import type { ClientPathState } from '../../domain/index.js';
import { deepFreeze } from './deep-freeze.js';

export interface ClientStateCacheOptions {
  /** Most clients kept (least recently used go first); 0 turns the cache off. */
  maxClients: number;
  /** A client unused this long is dropped, so an idle client's personal data leaves memory. */
  ttlMs: number;
  /** Monotonic milliseconds; tests pass a fake. */
  now?: () => number;
}

/** A state is ~10 KB after a year of history (2,000-client bench data): ~50 MB at most, and short-lived. */
export const DEFAULT_CLIENT_STATE_CACHE: Readonly<ClientStateCacheOptions> = Object.freeze({
  maxClients: 5_000,
  ttlMs: 5 * 60_000,
});

/** A folded decision state and the stream version it was folded up to. Frozen: shared by every later command. */
export interface CachedClientState {
  readonly state: ClientPathState;
  readonly version: bigint;
}

/** `state` undefined = a tombstone: the client was invalidated at `ticket`. */
interface Entry {
  state?: ClientPathState;
  /** Set once `state` is deep-frozen: it is frozen when first handed out, see `get`. */
  frozen?: boolean;
  version: bigint;
  ticket: number;
  lastUsed: number;
}

/**
 * The decision state of recently written clients, so a command need not re-read and re-fold
 * the whole stream. Only ever a guess: the command appends with the cached version as the
 * expected version, and the store refuses it if anyone else wrote in between.
 *
 * Map order is recency (an entry is re-inserted on use), so expired and least recently used
 * entries are always at the front.
 */
export class ClientStateCache {
  private readonly entries = new Map<string, Entry>();
  private readonly now: () => number;
  private ticketCounter = 0;
  /** The newest invalidation whose tombstone was evicted: reads started before it are not trusted. */
  private forgottenTicket = 0;
  private sweeper: ReturnType<typeof setInterval> | undefined;

  constructor(readonly options: ClientStateCacheOptions) {
    if (!Number.isSafeInteger(options.maxClients) || options.maxClients < 0)
      throw new RangeError(`maxClients must be a non-negative integer, got ${options.maxClients}`);
    if (!(options.ttlMs > 0)) throw new RangeError(`ttlMs must be positive, got ${options.ttlMs}`);
    this.now = options.now ?? (() => performance.now());
  }

  get size(): number {
    return this.entries.size;
  }

  /** Take before reading the store: `remember` then ignores what was read if the client was invalidated meanwhile. */
  ticket(): number {
    return this.ticketCounter;
  }

  get(clientId: string): CachedClientState | undefined {
    this.sweep();
    const entry = this.entries.get(clientId);
    if (!entry?.state) return undefined;
    // Frozen when first handed out, not when remembered: with more clients than the cache
    // holds most states are evicted unused, and freezing each one cost ~3 % of a command.
    // The command that read or appended it holds it meanwhile; commands take turns per client.
    if (!entry.frozen) {
      deepFreeze(entry.state);
      entry.frozen = true;
    }
    entry.lastUsed = this.now();
    this.entries.delete(clientId);
    this.entries.set(clientId, entry);
    return { state: entry.state, version: entry.version };
  }

  /**
   * Keeps `state` at `version` unless a newer version is already kept, the client was
   * invalidated after `ticket` was taken, or the client is erased (no personal data is kept).
   */
  remember(clientId: string, state: ClientPathState, version: bigint, ticket: number): void {
    if (this.options.maxClients === 0) return;
    const existing = this.entries.get(clientId);
    if (ticket < this.forgottenTicket) return; // read before an invalidation whose tombstone is gone
    if (existing && (existing.state ? existing.version >= version : existing.ticket > ticket)) return;
    if (state.erased) return this.invalidate(clientId);
    this.entries.delete(clientId);
    this.entries.set(clientId, { state, version, ticket, lastUsed: this.now() });
    this.trim();
  }

  /** Forgets the client, and any state of it read before now that is still on its way in. */
  invalidate(clientId: string): void {
    if (this.options.maxClients === 0) return;
    this.entries.delete(clientId);
    this.entries.set(clientId, { version: 0n, ticket: ++this.ticketCounter, lastUsed: this.now() });
    this.trim();
  }

  clear(): void {
    for (const entry of this.entries.values()) this.forget(entry);
    this.entries.clear();
    this.stopSweeper();
  }

  private trim(): void {
    for (const [clientId, entry] of this.entries) {
      if (this.entries.size <= this.options.maxClients) break;
      this.entries.delete(clientId);
      this.forget(entry);
    }
    this.sweep();
    this.startSweeper();
  }

  /** Drops expired entries: they are at the front, so this stops at the first live one. */
  private sweep(): void {
    const cutoff = this.now() - this.options.ttlMs;
    for (const [clientId, entry] of this.entries) {
      if (entry.lastUsed > cutoff) break;
      this.entries.delete(clientId);
      this.forget(entry);
    }
    if (this.entries.size === 0) this.stopSweeper();
  }

  private forget(entry: Entry): void {
    if (!entry.state) this.forgottenTicket = Math.max(this.forgottenTicket, entry.ticket);
  }

  /** Idle processes drop expired states too; the timer never keeps the process alive. */
  private startSweeper(): void {
    if (this.sweeper || this.entries.size === 0) return;
    this.sweeper = setInterval(() => this.sweep(), Math.min(this.options.ttlMs, 60_000));
    this.sweeper.unref?.();
  }

  private stopSweeper(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = undefined;
  }
}
