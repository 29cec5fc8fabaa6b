import type { Consumer } from 'kafkajs';

/**
 * Commits one partition's settled offset, one request at a time: a commit asked for while
 * one is in flight waits and then sends only the newest offset. `flush()` resolves once
 * everything asked for so far has been sent. An offset already committed sends nothing.
 */
export class PartitionCommits {
  private committed = -1n;
  private wanted = -1n;
  private running: Promise<void> | undefined;

  constructor(
    private readonly consumer: Consumer,
    private readonly topic: string,
    private readonly partition: number,
    private readonly onError?: (error: unknown, context: string) => void,
  ) {}

  /** Asks for everything up to and including `settledOffset` to be committed. */
  request(settledOffset: string): Promise<void> {
    const offset = BigInt(settledOffset);
    if (offset > this.wanted) this.wanted = offset;
    if (!this.running && this.wanted > this.committed) {
      // Cleared in a later microtask, after the assignment: a drain that finished at once
      // must not leave a settled promise behind (flush() would then loop on it forever).
      const run: Promise<void> = this.drain().finally(() => {
        if (this.running === run) this.running = undefined;
      });
      this.running = run;
    }
    return this.running ?? Promise.resolve();
  }

  /** True while a commit is being sent or waits to be. */
  get busy(): boolean {
    return this.running !== undefined;
  }

  async flush(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    while (this.wanted > this.committed) {
      const offset = this.wanted;
      try {
        // Kafka's committed offset is the next one to read.
        await this.consumer.commitOffsets([
          { topic: this.topic, partition: this.partition, offset: (offset + 1n).toString() },
        ]);
      } catch (error) {
        // e.g. a rebalance took the partition: its next owner redelivers, idempotently.
        this.onError?.(error, `commit of ${this.topic}/${this.partition}@${offset + 1n} refused`);
      }
      this.committed = offset;
    }
  }
}
