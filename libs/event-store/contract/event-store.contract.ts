/// <reference types="jest" />
import type { ContractContext, OpenedStore, OpenStore } from './context.js';
import { appendContract } from './append.contract.js';
import { readContract } from './read.contract.js';
import { idempotencyContract } from './idempotency.contract.js';
import { integrityContract } from './integrity.contract.js';
import { concurrencyContract } from './concurrency.contract.js';
import { readStreamsContract } from './read-streams.contract.js';
import { waitForEventsContract } from './wait-for-events.contract.js';

/**
 * The behaviour every EventStore adapter must show. Call from an adapter's spec file:
 * `eventStoreContract('sqlite', async () => ({ store, cleanup }))`.
 */
export interface ContractOptions {
  /** The adapter offers readStreams() (default true): its contract runs too. */
  readStreams?: boolean;
  /** The adapter offers waitForEvents() (default false): its contract runs too. */
  waitForEvents?: boolean;
}

export function eventStoreContract(name: string, open: OpenStore, options: ContractOptions = {}): void {
  describe(`${name} satisfies the EventStore contract`, () => {
    let opened: OpenedStore | undefined;
    const context: ContractContext = {
      get store() {
        if (!opened) throw new Error('store not opened');
        return opened.store;
      },
    };

    beforeEach(async () => {
      opened = await open();
    });
    afterEach(async () => {
      await opened?.cleanup();
      opened = undefined;
    });

    appendContract(context);
    readContract(context);
    idempotencyContract(context);
    integrityContract(context);
    concurrencyContract(context);
    if (options.readStreams ?? true) readStreamsContract(context);
    if (options.waitForEvents ?? false) waitForEventsContract(context);
  });
}
