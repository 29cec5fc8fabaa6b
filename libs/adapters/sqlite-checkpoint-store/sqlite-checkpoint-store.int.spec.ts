import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteCheckpointStore } from './index.js';

describe('SqliteCheckpointStore', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'polku-checkpoints-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('starts at 0, keeps positions per name across reopen, beyond 2^53', async () => {
    const path = join(dir, 'bus.sqlite');
    const a = SqliteCheckpointStore.open(path);
    expect(await a.load('path-events:x')).toBe(0n);
    await a.save('path-events:x', 41n);
    await a.save('path-events:x', 9007199254740993n);
    await a.save('other', 3n);
    await a.close();
    const b = SqliteCheckpointStore.open(path);
    expect(await b.load('path-events:x')).toBe(9007199254740993n);
    expect(await b.load('other')).toBe(3n);
    await b.close();
  });

  it('refuses :memory: and negative positions', async () => {
    expect(() => SqliteCheckpointStore.open(':memory:')).toThrow(/needs a file/);
    const s = SqliteCheckpointStore.open(join(dir, 'c.sqlite'));
    await expect(s.save('x', -1n)).rejects.toThrow(RangeError);
    await s.close();
  });
});
