import type { PolkuEvent } from '../events/index.js';
import { clientStateOf, foldClientState, type ClientPathState } from '../domain/index.js';
import type { EventStore } from '../event-store/index.js';
import type { ClientStateCache } from './client-state-cache/index.js';

/** Folds a client's stream into the decision state. */
export async function loadClientState(
  store: EventStore,
  clientId: string,
): Promise<{ state: ClientPathState; version: bigint }> {
  const { currentVersion, events } = await store.readStream(clientId);
  return { state: clientStateOf(clientId, events), version: currentVersion };
}

/** A decision state and its stream version; `cached` = taken from the cache, so possibly behind the store. */
export interface ClientSnapshot {
  state: ClientPathState;
  version: bigint;
  cached: boolean;
}

/** One command's view of one client's state: from the cache when it has one, else from the stream. */
export class ClientStates {
  constructor(
    private readonly store: EventStore,
    private readonly clientId: string,
    private readonly cache: ClientStateCache | null,
  ) {}

  async current(): Promise<ClientSnapshot> {
    const hit = this.cache?.get(this.clientId);
    return hit ? { state: hit.state, version: hit.version, cached: true } : this.fresh();
  }

  /** Read from the store (and kept for the next command). */
  async fresh(): Promise<ClientSnapshot> {
    const ticket = this.cache?.ticket() ?? 0;
    const { state, version } = await loadClientState(this.store, this.clientId);
    this.cache?.remember(this.clientId, state, version, ticket);
    return { state, version, cached: false };
  }

  /**
   * Runs `use` on the current state. An error on a cached state (refusal, rule violation,
   * If-Match mismatch) may only mean the cache is behind, so it counts only if the stored
   * history gives it too. `from` may be a snapshot this command already took (it counts as
   * what it was: cached or stored).
   */
  async use<T>(
    use: (snapshot: ClientSnapshot) => T,
    from: 'current' | 'fresh' | ClientSnapshot = 'current',
  ): Promise<{ snapshot: ClientSnapshot; value: T }> {
    const snapshot = typeof from === 'object' ? from : await (from === 'current' ? this.current() : this.fresh());
    try {
      return { snapshot, value: use(snapshot) };
    } catch (error) {
      if (!snapshot.cached) throw error;
      const stored = await this.fresh();
      return { snapshot: stored, value: use(stored) };
    }
  }

  /** Take before appending; pass to `appended`. */
  ticket(): number {
    return this.cache?.ticket() ?? 0;
  }

  /** The events are durable at `version`: the next command decides on `snapshot` + them. */
  appended(snapshot: ClientSnapshot, events: PolkuEvent[], version: bigint, ticket: number): void {
    if (!this.cache) return;
    const state = foldClientState(snapshot.state, events);
    this.cache.remember(this.clientId, state, version, ticket); // an erasure is not kept: remember invalidates
  }

  /** After a failed append the store is the only truth. */
  invalidate(): void {
    this.cache?.invalidate(this.clientId);
  }
}
