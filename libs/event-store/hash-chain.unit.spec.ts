import { canonicalEventContent, canonicalJson, eventHash, GENESIS_HASH, type HashableEvent } from './hash-chain.js';

const event: HashableEvent = {
  eventId: 'e-1',
  type: 'PlanReviewed',
  schemaVersion: 1,
  clientId: 'c-1',
  occurredAt: '2025-03-01',
  recordedAt: '2025-03-01T09:00:00.000Z',
  actor: { personId: 'p', displayName: 'Päivi', organisationId: 'o', organisationType: 'kela' },
  correlationId: 'corr',
  causationId: null,
  data: { planId: 'plan', reviewedOn: '2025-03-01', requestedByClient: false, outcome: 'ok' },
  streamVersion: 1n,
};

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });
  it('is independent of insertion order', () => {
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });
  it('writes bigint as a string and follows JSON for undefined and non-finite numbers', () => {
    expect(canonicalJson({ n: 12345678901234567890n, u: undefined, l: [undefined, NaN] })).toBe(
      '{"l":[null,null],"n":"12345678901234567890"}',
    );
  });
  it('escapes strings like JSON', () => {
    expect(canonicalJson({ 'k"ey': 'rivi\nä' })).toBe('{"k\\"ey":"rivi\\nä"}');
  });
});

describe('eventHash', () => {
  const hash = eventHash(GENESIS_HASH, event);

  it('is a sha256 hex digest', () => {
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });
  it('composes the same content text as canonicalJson of the content object', () => {
    const { streamVersion, actor, data, ...meta } = event;
    const composed = canonicalEventContent({
      ...meta,
      streamVersion,
      actorJson: canonicalJson(actor),
      dataJson: canonicalJson(data),
    });
    expect(composed).toBe(canonicalJson({ ...meta, actor, data, streamVersion }));
  });
  it('does not depend on key order of the data', () => {
    const reordered = {
      ...event,
      data: { outcome: 'ok', requestedByClient: false, reviewedOn: '2025-03-01', planId: 'plan' },
    };
    expect(eventHash(GENESIS_HASH, reordered)).toBe(hash);
  });
  it.each<[string, Partial<HashableEvent>]>([
    ['data', { data: { ...(event.data as object), outcome: 'changed' } }],
    ['actor', { actor: { ...event.actor, personId: 'other' } }],
    ['stream version', { streamVersion: 2n }],
    ['client', { clientId: 'c-2' }],
    ['recordedAt', { recordedAt: '2025-03-01T09:00:00.001Z' }],
    ['causation', { causationId: 'cause' }],
    ['schema version', { schemaVersion: 0 }],
  ])('changes when the %s changes', (_, change) => {
    expect(eventHash(GENESIS_HASH, { ...event, ...change })).not.toBe(hash);
  });
  it('changes with the previous hash, which links the chain', () => {
    expect(eventHash('f'.repeat(64), event)).not.toBe(hash);
  });
});
