import type { PolkuEvent } from '../events/index.js';
import { clientStateOf, foldClientState, type ClientPathState } from '../domain/index.js';
import type { EventStore } from '../event-store/index.js';
import type { ClientStateCache } from './client-state-cache/index.js';
import type { DecisionStateSnapshots } from './decision-snapshots/index.js';
import type { ClientStateLoadObserver } from './client-state-loads.js';

/** Folds a client's stream into the decision state. */
export async function loadClientState(
  store: EventStore,
  clientId: string,
): Promise<{ state: ClientPathState; version: bigint }> {
  const { currentVersion, events } = await store.readStream(clientId);
  return { state: clientStateOf(clientId, events), version: currentVersion };
}

/**
 * The client's state from a decision-state snapshot and the stream's events after it; null
 * when there is no snapshot, its source fails, or it is not of this store's history (the event
 * at its version is not where it says).
 */
export async function loadClientStateFromSnapshot(
  store: EventStore,
  clientId: string,
  snapshots: DecisionStateSnapshots,
): Promise<{ state: ClientPathState; version: bigint } | null> {
  // A snapshot only saves work: when its source fails, the whole stream answers.
  const taken = await snapshots.snapshotOf(clientId).catch(() => null);
  if (!taken || taken.version < 1n) return null;
  // From the snapshot's own last event: it must be where the snapshot says, in this store.
  const read = await store.readStream(clientId, { afterVersion: taken.version - 1n });
  const [anchor, ...events] = read.events;
  if (anchor?.streamVersion !== taken.version || anchor.globalPosition !== taken.position) return null;
  return { state: foldClientState(taken.state, events), version: read.currentVersion };
}

/**
 * A decision state and its stream version. `cached` = not folded from the whole stream just
 * now (taken from the cache, or from a projection's snapshot and the events after it), so
 * possibly behind or off: a refusal or a version conflict on it is checked on the stream.
 */
export interface ClientSnapshot {
  state: ClientPathState;
  version: bigint;
  cached: boolean;
}

/**
 * One command's view of one client's state: from the cache when it has one, else from a
 * decision-state snapshot and the events after it, else from the whole stream.
 */
export class ClientStates {
  constructor(
    private readonly store: EventStore,
    private readonly clientId: string,
    private readonly cache: ClientStateCache | null,
    private readonly snapshots: DecisionStateSnapshots | null = null,
    private readonly observe: ClientStateLoadObserver | null = null,
  ) {}

  async current(): Promise<ClientSnapshot> {
    const hit = this.cache?.get(this.clientId);
    if (hit) {
      this.observe?.('cache');
      return { state: hit.state, version: hit.version, cached: true };
    }
    return (await this.fromSnapshot()) ?? this.fresh();
  }

  /** A snapshot brought up to date with the stream's later events (and kept for the next command). */
  private async fromSnapshot(): Promise<ClientSnapshot | null> {
    if (!this.snapshots) return null;
    const ticket = this.cache?.ticket() ?? 0;
    const loaded = await loadClientStateFromSnapshot(this.store, this.clientId, this.snapshots);
    if (!loaded) return null;
    this.cache?.remember(this.clientId, loaded.state, loaded.version, ticket);
    this.observe?.('snapshot');
    return { ...loaded, cached: true };
  }

  /** Read from the store (and kept for the next command). */
  async fresh(): Promise<ClientSnapshot> {
    const ticket = this.cache?.ticket() ?? 0;
    const { state, version } = await loadClientState(this.store, this.clientId);
    this.cache?.remember(this.clientId, state, version, ticket);
    this.observe?.('stream');
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
