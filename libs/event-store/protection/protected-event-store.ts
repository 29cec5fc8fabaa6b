import type { PolkuEvent, RecordedEvent } from '../../events/index.js';
import { ClientKeyDestroyedError, type ClientKeyStore } from '../../key-store/index.js';
import type { ChainVerification } from '../hash-chain.js';
import type {
  AppendOptions, AppendResult, ClientStream, EventStore, ReadAllOptions, ReadStreamResult, ReadStreamsOptions,
} from '../port.js';
import { ClientKeyMissingError } from './errors.js';
import { carriesPersonalData, decryptEvent, encryptEvent, holdsEncryptedData } from './event-fields.js';

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

  constructor(private readonly inner: EventStore, private readonly keys: ClientKeyStore) {
    if (inner.waitForEvents) this.waitForEvents = inner.waitForEvents.bind(inner);
    if (inner.readStreams) {
      const read = inner.readStreams.bind(inner);
      this.readStreams = async (options) => {
        const streams = await read(options);
        const revealed = await this.reveal(streams.flatMap((s) => s.events));
        let i = 0;
        return streams.map((s) => ({ clientId: s.clientId, events: revealed.slice(i, (i += s.events.length)) }));
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
    return this.inner.appendToStream(clientId, events.map((event) => encryptEvent(event, key)), options);
  }

  findIdempotentResult(idempotencyKey: string, clientId: string): Promise<AppendResult | null> {
    return this.inner.findIdempotentResult(idempotencyKey, clientId);
  }

  async readStream(clientId: string): Promise<ReadStreamResult> {
    const result = await this.inner.readStream(clientId);
    return { ...result, events: await this.reveal(result.events) };
  }

  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.reveal(await this.inner.readAll(options));
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
   * Looks up each client's key once per call (a readAll page mixes many clients), and only
   * for clients whose events in this page hold encrypted values.
   */
  private async reveal(events: RecordedEvent[]): Promise<RecordedEvent[]> {
    const encrypted = events.map(holdsEncryptedData);
    const keys = new Map<string, Buffer | null>();
    for (const [i, event] of events.entries()) {
      if (encrypted[i] && !keys.has(event.clientId)) keys.set(event.clientId, await this.readKey(event.clientId));
    }
    if (keys.size === 0) return events;
    return events.map((event, i) => (encrypted[i]
      ? decryptEvent(event, keys.get(event.clientId) ?? null)
      : event));
  }

  /**
   * A retry of an append that succeeded before the erasure still replays its first result
   * (the idempotency promise holds); anything else for an erased client is refused.
   */
  private async replayAfterErasure(error: unknown, clientId: string, options: AppendOptions): Promise<AppendResult> {
    if (error instanceof ClientKeyDestroyedError && options.idempotencyKey !== undefined) {
      const replay = await this.inner.findIdempotentResult(options.idempotencyKey, clientId);
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
