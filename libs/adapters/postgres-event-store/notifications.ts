import pg from 'pg';
import { EventStoreFailureError } from '../../event-store/index.js';

const closedError = () => new EventStoreFailureError('The PostgreSQL event store is closed', false);

/** The NOTIFY channel of one store's schema (stores in other schemas never wake each other). */
export const appendChannel = (schema: string): string => `polku.events.${schema}`;

/**
 * Tells followers that appends committed: one NOTIFY on the schema's channel after the
 * commit (never inside the append: see append-function.ts). Appends that commit while a
 * notification is being sent share the next one, which starts after their commits, so a
 * follower that saw nothing new before is always woken after. The append does not wait for
 * it: durability does not depend on it, and a lost one breaks the listener too (followers
 * fall back to polling).
 */
export class AppendAnnouncer {
  private sending: Promise<void> | null = null;
  private again = false;

  constructor(private readonly notify: () => Promise<unknown>) {}

  announce(): void {
    if (this.sending) {
      this.again = true;
      return;
    }
    this.sending = this.notify()
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        this.sending = null;
        if (this.again) {
          this.again = false;
          this.announce();
        }
      });
  }

  /** Waits for the notification in flight (before the pool closes). */
  async close(): Promise<void> {
    while (this.sending) await this.sending;
  }
}

/**
 * Wakes followers when appends commit (AppendAnnouncer's NOTIFY). One dedicated LISTEN connection per
 * store, opened on the first wait; when it breaks, the waits in progress reject (their caller
 * falls back to polling) and the next wait opens a new one.
 */
export class AppendNotifications {
  private listener: Promise<pg.Client> | null = null;
  private readonly waiters = new Set<{ wake: () => void; fail: (error: Error) => void }>();
  private closed = false;

  constructor(
    private readonly connectionString: string,
    private readonly channel: string,
  ) {}

  /** Resolves at the next notification (or abort); `alreadyThere` is checked after LISTEN is active. */
  async next(signal: AbortSignal, alreadyThere: () => Promise<boolean>): Promise<void> {
    if (this.closed) throw closedError();
    if (signal.aborted) return;
    try {
      await this.connect();
    } catch (error) {
      throw this.closed ? closedError() : error;
    }
    if (this.closed) throw closedError();
    if (signal.aborted) return;
    await new Promise<void>((resolve, reject) => {
      const waiter = {
        wake: () => {
          finish();
          resolve();
        },
        fail: (error: Error) => {
          finish();
          reject(error);
        },
      };
      const finish = () => {
        this.waiters.delete(waiter);
        signal.removeEventListener('abort', waiter.wake);
      };
      this.waiters.add(waiter);
      signal.addEventListener('abort', waiter.wake, { once: true });
      if (signal.aborted) return waiter.wake();
      // listening first, then looking: an append committed in between is never missed
      alreadyThere().then(
        (there) => {
          if (there) waiter.wake();
        },
        (error: Error) => waiter.fail(error),
      );
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const listener = this.listener;
    this.listener = null;
    this.failAll(closedError());
    if (listener)
      await listener.then(
        (client) => client.end(),
        () => undefined,
      );
  }

  private connect(): Promise<pg.Client> {
    if (!this.listener) {
      const client = new pg.Client({
        connectionString: this.connectionString,
        application_name: 'polku-event-listener',
      });
      const broken = (error: Error) => {
        if (this.listener === attempt) this.listener = null;
        this.failAll(new EventStoreFailureError(`Append notifications lost: ${error.message}`, true, { cause: error }));
        client.end().catch(() => undefined);
      };
      client.on('notification', (message) => {
        if (message.channel === this.channel) this.wakeAll();
      });
      client.on('error', broken);
      client.on('end', () => broken(new Error('connection ended')));
      const attempt: Promise<pg.Client> = client
        .connect()
        .then(() => client.query(`LISTEN ${pg.escapeIdentifier(this.channel)}`))
        .then(
          () => client,
          (error: Error) => {
            if (this.listener === attempt) this.listener = null;
            client.end().catch(() => undefined);
            throw new EventStoreFailureError(`Cannot listen for appends: ${error.message}`, true, { cause: error });
          },
        );
      this.listener = attempt;
    }
    return this.listener;
  }

  private wakeAll(): void {
    for (const waiter of [...this.waiters]) waiter.wake();
  }

  private failAll(error: Error): void {
    for (const waiter of [...this.waiters]) waiter.fail(error);
  }
}
