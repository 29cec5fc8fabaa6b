/** A place in the lane while waiting: `withdraw` leaves the queue (no effect once started). */
export interface LaneTicket {
  withdraw(): void;
}

/**
 * A fixed number of places for work that may queue: `admit` starts the work at once when a
 * place is free, else when one frees, in arrival order. Started work calls the `leave` it was
 * given once (more calls are ignored); waiting work may `withdraw` and is then never started.
 */
export class CommandLane {
  private running = 0;
  private readonly waiting: ((leave: () => void) => void)[] = [];

  /** `onChange(busy, queued)` after every admission, start, leave and withdrawal (for the metrics). */
  constructor(
    readonly places: number,
    private readonly onChange: (busy: number, queued: number) => void = () => {},
  ) {
    if (!Number.isInteger(places) || places < 1)
      throw new RangeError(`places must be a positive integer, got ${places}`);
  }

  /** Work started and not yet left. */
  get busy(): number {
    return this.running;
  }

  /** Work waiting for a place. */
  get queued(): number {
    return this.waiting.length;
  }

  admit(start: (leave: () => void) => void): LaneTicket {
    if (this.running < this.places) this.begin(start);
    else this.waiting.push(start);
    this.changed();
    return {
      withdraw: () => {
        const at = this.waiting.indexOf(start);
        if (at < 0) return;
        this.waiting.splice(at, 1);
        this.changed();
      },
    };
  }

  private begin(start: (leave: () => void) => void): void {
    this.running++;
    let left = false;
    start(() => {
      if (left) return;
      left = true;
      this.running--;
      const next = this.waiting.shift();
      if (next) this.begin(next);
      this.changed();
    });
  }

  private changed(): void {
    this.onChange(this.running, this.waiting.length);
  }
}
