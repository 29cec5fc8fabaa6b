import { NO_STREAM, START } from '@kurrent/kurrentdb-client';
import { allStreamFilter, DEFAULT_NAMESPACE, kurrentEventId, streamNames } from './naming.js';
import {
  globalPositionOf,
  isAfter,
  readFromPosition,
  revisionOfVersion,
  streamStateFor,
  versionOfRevision,
} from './positions.js';

describe('KurrentDB stream names', () => {
  it('names one stream per client and one marker stream per idempotency key under the namespace', () => {
    const names = streamNames();
    expect(DEFAULT_NAMESPACE).toBe('polku');
    expect(names.client('client-42')).toBe('polku-client-client-42');
    expect(names.clientPrefix).toBe('polku-client-');
    expect(names.idempotencyMarker('org-1:k-1')).toMatch(/^polku-idem-[0-9a-f]{64}$/);
    expect(names.idempotencyMarker('org-1:k-1')).toBe(names.idempotencyMarker('org-1:k-1'));
    expect(names.idempotencyMarker('org-1:k-2')).not.toBe(names.idempotencyMarker('org-1:k-1'));
    expect(names.idempotencyMarker('x').startsWith(names.clientPrefix)).toBe(false);
    expect(streamNames('t_1').client('c')).toBe('t_1-client-c');
  });

  it('refuses namespaces whose prefix could match another namespace, and empty client ids', () => {
    for (const bad of ['', 'a-b', 'polku-client', 'x'.repeat(41), 'ä'])
      expect(() => streamNames(bad)).toThrow(RangeError);
    expect(() => streamNames().client('')).toThrow(RangeError);
  });

  it('filters $all server-side on the client-stream prefix', () => {
    expect(allStreamFilter(streamNames('t_9'))).toMatchObject({ filterOn: 'streamName', prefixes: ['t_9-client-'] });
  });

  it('uses a UUID event id as is and derives a stable UUID from any other id', () => {
    expect(kurrentEventId('0F8FAD5B-D9CB-469F-A165-70867728950E')).toBe('0f8fad5b-d9cb-469f-a165-70867728950e');
    const derived = kurrentEventId('evt-1');
    expect(derived).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(kurrentEventId('evt-1')).toBe(derived);
    expect(kurrentEventId('evt-2')).not.toBe(derived);
  });
});

describe('KurrentDB revisions and positions', () => {
  it('maps 0-based revisions to 1-based stream versions and back', () => {
    expect(versionOfRevision(0n)).toBe(1n);
    expect(versionOfRevision(41n)).toBe(42n);
    expect(revisionOfVersion(1n)).toBe(0n);
    expect(revisionOfVersion(42n)).toBe(41n);
    expect(() => revisionOfVersion(0n)).toThrow(RangeError);
  });

  it('expects NO_STREAM for version 0n and the last revision otherwise', () => {
    expect(streamStateFor(0n)).toBe(NO_STREAM);
    expect(streamStateFor(1n)).toBe(0n);
    expect(streamStateFor(3n)).toBe(2n);
  });

  it('takes the commit position as the global position, refusing the "no position" marker', () => {
    expect(globalPositionOf({ commit: 1234n, prepare: 1234n })).toBe(1234n);
    expect(globalPositionOf(undefined)).toBeUndefined();
    expect(globalPositionOf({ commit: 18446744073709551615n, prepare: 18446744073709551615n })).toBeUndefined();
    expect(globalPositionOf({ commit: -1n, prepare: -1n })).toBeUndefined();
  });

  it('reads $all from the start for 0n and from the event at `after` otherwise (dropped: after is exclusive)', () => {
    expect(readFromPosition(0n)).toBe(START);
    expect(readFromPosition(5120n)).toEqual({ commit: 5120n, prepare: 5120n });
    expect(() => readFromPosition(-1n)).toThrow(RangeError);
    expect(isAfter(5120n, 5120n)).toBe(false);
    expect(isAfter(5321n, 5120n)).toBe(true);
  });
});
