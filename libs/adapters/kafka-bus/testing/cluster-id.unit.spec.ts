import { clusterId } from './throwaway-kafka.js';

describe('a throwaway broker cluster id', () => {
  it('is 16 bytes in base64url and never starts with "-" (the storage tool would read it as an option)', () => {
    // 1 random id in 64 starts with '-': in 10,000 some would, unless they are skipped
    const ids = Array.from({ length: 10_000 }, clusterId);
    for (const id of ids) {
      expect(id).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/);
      expect(Buffer.from(id, 'base64url')).toHaveLength(16);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });
});
