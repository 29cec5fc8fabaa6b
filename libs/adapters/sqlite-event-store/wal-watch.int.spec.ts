import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitForWalChange } from './wal-watch.js';

describe('waitForWalChange', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'polku-wal-watch-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('looks again shortly after a WAL write that does not show the commit yet', async () => {
    // The OS reports the WAL write before the writer publishes its commit (in shared memory,
    // which raises no event): the look the write triggers still sees nothing new, and no
    // further event comes. Only looking again finds the commit.
    const path = join(dir, 'events.sqlite');
    writeFileSync(`${path}-wal`, 'header');
    let looks = 0;
    const wait = waitForWalChange(path, new AbortController().signal, async () => ++looks >= 3);
    await new Promise((resolve) => setImmediate(resolve));
    expect(looks).toBe(1); // the look before waiting
    appendFileSync(`${path}-wal`, 'frames'); // one write: one event, one look (the 2nd)
    await wait; // the 3rd look comes from looking again
    expect(looks).toBeGreaterThanOrEqual(3);
  });
});
