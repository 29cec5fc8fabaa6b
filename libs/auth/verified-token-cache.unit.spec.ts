import { VerifiedTokenCache, type VerifiedToken } from './verified-token-cache.js';

const entry = (exp: number, nbf?: number): VerifiedToken => ({
  principal: { personId: 'p' } as VerifiedToken['principal'],
  exp,
  nbf,
});

describe('VerifiedTokenCache', () => {
  it("answers only while the token is valid, with the verifier's clock tolerance", () => {
    const cache = new VerifiedTokenCache(10, 30);
    cache.set('early', entry(1000, 500), 600);
    expect(cache.get('early', 469)).toBeUndefined(); // nbf 500 > 469 + 30: not yet valid
    cache.set('t', entry(1000, 500), 600);
    expect(cache.get('t', 470)).toBeDefined();
    expect(cache.get('t', 1029)).toBeDefined(); // exp 1000 > 1029 - 30
    expect(cache.get('t', 1030)).toBeUndefined(); // expired: gone for good
    expect(cache.size).toBe(0);
  });

  it('keeps at most maxTokens, dropping the least recently used', () => {
    const cache = new VerifiedTokenCache(2);
    cache.set('a', entry(1000), 0);
    cache.set('b', entry(1000), 0);
    cache.get('a', 0);
    cache.set('c', entry(1000), 0);
    expect([cache.get('a', 0), cache.get('b', 0), cache.get('c', 0)].map(Boolean)).toEqual([true, false, true]);
  });

  it('sweeps out expired tokens of callers who never come back', () => {
    const cache = new VerifiedTokenCache(10);
    cache.set('a', entry(100), 0);
    cache.set('b', entry(10_000), 0);
    cache.set('c', entry(10_000), 200); // a minute or more later: a is past its exp
    expect(cache.size).toBe(2);
  });
});
