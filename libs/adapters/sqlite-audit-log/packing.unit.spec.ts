import type { UsageEntry } from '../../audit-log/index.js';
import { packUsage } from './packing.js';

const entry = (clientId: string | null, extra: Partial<UsageEntry> = {}): UsageEntry => ({
  at: '2025-06-30T10:00:00.000Z',
  personId: 'te-1-olli',
  organisationId: 'te-1',
  role: 'officer',
  clientId,
  view: 'worklist',
  purpose: 'planning',
  outcome: 'allowed',
  detail: null,
  correlationId: 'c-1',
  ...extra,
});

describe('packUsage', () => {
  it('packs entries that differ only in the client into one shared entry and the client ids, in order', () => {
    expect(packUsage([entry('b'), entry('a'), entry(null)])).toEqual({
      shared: {
        at: '2025-06-30T10:00:00.000Z',
        personId: 'te-1-olli',
        organisationId: 'te-1',
        role: 'officer',
        view: 'worklist',
        purpose: 'planning',
        outcome: 'allowed',
        detail: null,
        correlationId: 'c-1',
      },
      clientIds: ['b', 'a', null],
    });
  });

  it('leaves single entries and entries differing in any other field as they are', () => {
    expect(packUsage([entry('a')])).toEqual([entry('a')]);
    for (const field of [
      'at',
      'personId',
      'organisationId',
      'role',
      'view',
      'purpose',
      'outcome',
      'detail',
      'correlationId',
    ] as const) {
      const mixed = [entry('a'), entry('b', { [field]: 'other' })];
      expect(packUsage(mixed)).toBe(mixed);
    }
  });
});
