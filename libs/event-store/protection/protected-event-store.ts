import type { PolkuEvent, RecordedEvent } from '../../events/index.js';
import { ClientKeyDestroyedError, type ClientKeyStore } from '../../key-store/index.js';
import type { ChainVerification } from '../hash-chain.js';
import type {
  AppendOptions,
  AppendResult,
  ClientStream,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  ReadStreamResult,
  ReadStreamsOptions,
} from '../port.js';
import { DecisionStateSeal } from './decision-state-seal.js';
import { ClientKeyMissingError } from './errors.js';
import { carriesPersonalData, decryptEventInPlace, encryptEvent, holdsEncryptedData } from './event-fields.js';
import { valueKeyOf, type ValueKey } from './field-cipher.js';

/**
 * Erasure by crypto-shredding: an EventStore decorator that encrypts the personal fields of
 * each event (PERSONAL_FIELDS) with the client's key before the inner store sees them, and
 * decrypts them on read. Destroying the key in the ClientKeyStore erases the client's
 * personal data; the inner store, its hash chain (over the stored, encrypted text) and every
 * non-personal field stay as they were, so verification and projection rebuilds keep working.
 * After erasure the values read as ERASED (or [ERASED] for arrays).
 */
export class ProtectedEventStore implements EventStore {
  /** Present exactly when the inner store has it. */
  readonly readStreams?: (options: ReadStreamsOptions) => Promise<ClientStream[]>;
  /** Present exactly when the inner store has it (nothing to decrypt: no events pass). */
  readonly waitForEvents?: (after: bigint, signal: AbortSignal) => Promise<void>;
  /** Seals and verifies folded decision states with the clients' keys (decision-state-seal.ts). */
  readonly decisionStateSeal: DecisionStateSeal;

  constructor(
    private readonly inner: EventStore,
    private readonly keys: ClientKeyStore,
  ) {
    this.decisionStateSeal = new DecisionStateSeal(keys);
    if (inner.waitForEvents) this.waitForEvents = inner.waitForEvents.bind(inner);
    if (inner.readStreams) {
      const read = inner.readStreams.bind(inner);
      this.readStreams = async (options) => {
        const streams = await read(options);
        await this.reveal(streams.flatMap((s) => s.events));
        return streams;
      };
    }
  }

  /**
   * Only a batch that carries personal data needs the key, so events without any (e.g. a
   * later record of the erasure itself) can still be appended for an erased client, while
   * personal data for one fails with ClientKeyDestroyedError.
   */
  async appendToStream(clientId: string, events: PolkuEvent[], options: AppendOptions): Promise<AppendResult> {
    if (!events.some(carriesPersonalData)) return this.inner.appendToStream(clientId, events, options);
    let key: Buffer;
    try {
      key = await this.keys.getOrCreateKey(clientId);
    } catch (error) {
      return this.replayAfterErasure(error, clientId, options);
    }
    const valueKey = valueKeyOf(key);
    return this.inner.appendToStream(
      clientId,
      events.map((event) => encryptEvent(event, valueKey)),
      options,
    );
  }

  findIdempotentResult(idempotencyKey: string, clientId: string, requestHash?: string): Promise<AppendResult | null> {
    return this.inner.findIdempotentResult(idempotencyKey, clientId, requestHash);
  }

  async readStream(clientId: string, options?: ReadStreamOptions): Promise<ReadStreamResult> {
    const result = await this.inner.readStream(clientId, options);
    await this.reveal(result.events);
    return result;
  }

  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    const events = await this.inner.readAll(options);
    await this.reveal(events);
    return events;
  }

  headPosition(): Promise<bigint> {
    return this.inner.headPosition();
  }

  verifyStream(clientId: string): Promise<ChainVerification> {
    return this.inner.verifyStream(clientId);
  }

  verifyAll(): Promise<ChainVerification> {
    return this.inner.verifyAll();
  }

  /** Closes the inner store only: the key store may be shared (e.g. with an erasure job). */
  close(): Promise<void> {
    return this.inner.close();
  }

  /**
   * Decrypts in place: every inner store decodes fresh objects per read (nothing it keeps is
   * handed out), so they are ours to change, and copying each event's data cost more than
   * decrypting it. Looks up each client's key once per call (a readAll page mixes many
   * clients), and only for clients whose events in this page hold encrypted values, in the
   * order they first appear. A client already known to need its key needs no further scan.
   */
  private async reveal(events: RecordedEvent[]): Promise<void> {
    const needed = new Set<string>();
    for (const event of events) {
      if (!needed.has(event.clientId) && holdsEncryptedData(event)) needed.add(event.clientId);
    }
    if (needed.size === 0) return;
    const keys = new Map<string, ValueKey | null>();
    for (const clientId of needed) {
      const key = await this.readKey(clientId);
      keys.set(clientId, key && valueKeyOf(key));
    }
    for (const event of events) {
      const key = keys.get(event.clientId);
      if (key !== undefined) decryptEventInPlace(event, key);
    }
  }

  /**
   * A retry of an append that succeeded before the erasure still replays its first result
   * (the idempotency promise holds); anything else for an erased client is refused.
   */
  private async replayAfterErasure(error: unknown, clientId: string, options: AppendOptions): Promise<AppendResult> {
    if (error instanceof ClientKeyDestroyedError && options.idempotencyKey !== undefined) {
      const replay = await this.inner.findIdempotentResult(options.idempotencyKey, clientId, options.requestHash);
      if (replay) return replay;
    }
    throw error;
  }

  /** null = destroyed (erased); a key that is merely absent is an error, see ClientKeyMissingError. */
  private async readKey(clientId: string): Promise<Buffer | null> {
    const key = await this.keys.getKey(clientId);
    if (key || (await this.keys.isDestroyed(clientId))) return key;
    throw new ClientKeyMissingError(clientId);
  }
}

/** The store's decision-state seal: only a store that holds the clients' keys has one. */
export const decisionStateSealOf = (store: EventStore): DecisionStateSeal | null =>
  store instanceof ProtectedEventStore ? store.decisionStateSeal : null;
