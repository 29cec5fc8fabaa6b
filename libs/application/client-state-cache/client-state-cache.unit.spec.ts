import { initialState, type ClientPathState } from '../../domain/index.js';
import { ClientStateCache } from './client-state-cache.js';

const stateOf = (clientId: string, over: Partial<ClientPathState> = {}): ClientPathState => ({
  ...initialState(),
  clientId,
  registered: true,
  ...over,
});

describe('ClientStateCache', () => {
  let clock = 0;
  const aCache = (maxClients = 10, ttlMs = 1000) => new ClientStateCache({ maxClients, ttlMs, now: () => clock });
  beforeEach(() => {
    clock = 0;
  });

  it('keeps at most maxClients, dropping the least recently used', () => {
    const cache = aCache(2);
    cache.remember('a', stateOf('a'), 1n, cache.ticket());
    cache.remember('b', stateOf('b'), 1n, cache.ticket());
    cache.get('a'); // a is now more recent than b
    cache.remember('c', stateOf('c'), 1n, cache.ticket());
    expect(cache.size).toBe(2);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.version).toBe(1n);
    expect(cache.get('c')?.version).toBe(1n);
    cache.clear();
  });

  it('forgets a client unused for the TTL, and a use renews it', () => {
    const cache = aCache(10, 1000);
    cache.remember('a', stateOf('a'), 1n, cache.ticket());
    cache.remember('b', stateOf('b'), 1n, cache.ticket());
    clock = 900;
    expect(cache.get('a')).toBeDefined();
    clock = 1500; // b idle 1500 ms, a 600 ms
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    clock = 3000;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('keeps the newest version when states arrive out of order', () => {
    const cache = aCache();
    cache.remember('a', stateOf('a', { assessmentIds: ['x', 'y'] }), 5n, cache.ticket());
    cache.remember('a', stateOf('a', { assessmentIds: ['x'] }), 4n, cache.ticket());
    expect(cache.get('a')).toEqual({ state: expect.objectContaining({ assessmentIds: ['x', 'y'] }), version: 5n });
    cache.clear();
  });

  it('ignores a state read before the client was invalidated, accepts one read after', () => {
    const cache = aCache();
    cache.remember('a', stateOf('a'), 1n, cache.ticket());
    const before = cache.ticket();
    cache.invalidate('a'); // e.g. the client's data was erased while a read was in flight
    cache.remember('a', stateOf('a'), 2n, before);
    expect(cache.get('a')).toBeUndefined();
    cache.remember('a', stateOf('a'), 3n, cache.ticket());
    expect(cache.get('a')?.version).toBe(3n);
    cache.clear();
  });

  it('still ignores such a read when the invalidation itself was evicted', () => {
    const cache = aCache(1);
    const before = cache.ticket();
    cache.invalidate('a');
    cache.remember('b', stateOf('b'), 1n, cache.ticket()); // evicts a's tombstone
    cache.remember('a', stateOf('a'), 2n, before);
    expect(cache.get('a')).toBeUndefined();
    cache.clear();
  });

  it('never keeps an erased client', () => {
    const cache = aCache();
    cache.remember('a', stateOf('a'), 1n, cache.ticket());
    cache.remember('a', stateOf('a', { erased: true }), 2n, cache.ticket());
    expect(cache.get('a')).toBeUndefined();
  });

  it('hands out frozen states, so no command can change what the next one decides on', () => {
    const cache = aCache();
    cache.remember('a', stateOf('a', { assessmentIds: ['x'] }), 1n, cache.ticket());
    const { state } = cache.get('a')!;
    expect(() => {
      (state.assessmentIds as string[]).push('y');
    }).toThrow(TypeError);
    expect(() => {
      (state as { registered: boolean }).registered = false;
    }).toThrow(TypeError);
    cache.clear();
  });

  it('keeps nothing with maxClients 0', () => {
    const cache = aCache(0);
    cache.remember('a', stateOf('a'), 1n, cache.ticket());
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });
});
