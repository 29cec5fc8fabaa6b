import type { KafkaMessage } from 'kafkajs';

/**
 * Which messages of a batch are settled, and the highest offset below which ALL are: only
 * that offset may be resolved and committed, since messages of different keys settle out of
 * offset order. A crash then redelivers whatever settled above it, and the handler's
 * idempotency makes that harmless.
 */
export class SettledOffsets {
  private readonly done: boolean[];
  private next = 0; // index of the first message not known to be settled

  constructor(private readonly messages: KafkaMessage[]) {
    this.done = new Array<boolean>(messages.length).fill(false);
  }

  /** Marks the message at `index`; returns the new contiguous offset when it moved, else undefined. */
  settle(index: number): string | undefined {
    this.done[index] = true;
    const before = this.next;
    while (this.next < this.done.length && this.done[this.next]) this.next++;
    return this.next > before ? this.messages[this.next - 1].offset : undefined;
  }

  /** The highest offset up to which every message is settled (undefined: none yet). */
  get upTo(): string | undefined {
    return this.next > 0 ? this.messages[this.next - 1].offset : undefined;
  }
}
