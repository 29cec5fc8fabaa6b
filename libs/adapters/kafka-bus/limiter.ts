/**
 * A counting semaphore with a FIFO queue: at most `slots` holders at once. Shared by all
 * partitions of one inbox, so the number of commands in flight is bounded however many
 * partitions and clients a fetch brings.
 */
export class Limiter {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(slots: number) {
    if (!Number.isSafeInteger(slots) || slots < 1)
      throw new RangeError(`slots must be a positive integer, got ${slots}`);
    this.free = slots;
  }

  /** Resolves with the release function once a slot is held. */
  async acquire(): Promise<() => void> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next)
        next(); // the slot passes straight on
      else this.free++;
    };
  }
}
