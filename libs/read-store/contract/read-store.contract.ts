/// <reference types="jest" />
import type { OpenedReadStore, OpenReadStore, ReadStoreContext } from './context.js';
import { writesContract } from './writes.contract.js';
import { queriesContract } from './queries.contract.js';
import { searchContract } from './search.contract.js';
import { directoryContract } from './directory.contract.js';

/**
 * The behaviour every ReadStore adapter must show. Call from an adapter's spec file:
 * `readStoreContract('sqlite', async () => ({ store, reopen, cleanup }))`.
 */
export function readStoreContract(name: string, open: OpenReadStore): void {
  describe(`${name} satisfies the ReadStore contract`, () => {
    let opened: OpenedReadStore | undefined;
    const context: ReadStoreContext = {
      get store() {
        if (!opened) throw new Error('read store not opened');
        return opened.store;
      },
      async reopen() {
        if (!opened) throw new Error('read store not opened');
        opened.store = await opened.reopen();
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

    writesContract(context);
    queriesContract(context);
    searchContract(context);
    directoryContract(context);
  });
}
