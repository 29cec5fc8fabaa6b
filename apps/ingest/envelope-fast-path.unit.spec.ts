import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { InboundCommandDto } from '../../libs/commands/envelope/index.js';
import { envelopeIfPlainlyValid } from './envelope-fast-path.js';

/** The hand check may only accept what InboundCommandDto accepts; everything else goes to the DTO. */
const dtoAccepts = (v: Record<string, unknown>) =>
  validateSync(plainToInstance(InboundCommandDto, v), { whitelist: true, forbidNonWhitelisted: true }).length === 0;

const base = {
  schemaVersion: 1,
  idempotencyKey: 'te-ks-000123',
  clientId: 'client-42',
  command: {
    type: 'ReviewPlan',
    data: { planId: 'p-1', reviewedOn: '2026-03-01', requestedByClient: false, outcome: 'ok' },
  },
};
const actor = { personId: 'te-liisa', displayName: 'Liisa Korhonen' };
const withActor = {
  ...base,
  actor: { ...actor, organisationId: 'te-keski-suomi', organisationType: 'employment_authority' },
};

const odd: unknown[] = [
  undefined,
  null,
  0,
  1,
  2,
  '1',
  '',
  ' ',
  'a b',
  'ä',
  'x'.repeat(129),
  'x'.repeat(201),
  '-lead',
  'ok-id',
  'ok:id.x_y',
  true,
  [],
  ['a'],
  {},
  { type: 'X' },
  'employment_authority',
  'alien',
  '😀'.repeat(150),
];
const variants: Record<string, unknown>[] = [base, withActor, { ...base, actor }];
for (const start of [base, withActor]) {
  for (const field of ['schemaVersion', 'idempotencyKey', 'clientId', 'command', 'actor', 'extra']) {
    for (const value of odd) variants.push({ ...start, [field]: value });
  }
  for (const field of ['type', 'data', 'extra']) {
    for (const value of odd) variants.push({ ...start, command: { ...start.command, [field]: value } });
  }
  for (const field of ['personId', 'displayName', 'organisationId', 'organisationType', 'extra']) {
    for (const value of odd) variants.push({ ...start, actor: { ...actor, [field]: value } });
  }
}

describe('envelope fast path', () => {
  it('takes the plainly valid envelopes itself (with and without actor)', () => {
    for (const v of [base, withActor, { ...base, actor }]) expect(envelopeIfPlainlyValid(v)).toBe(v);
  });

  it('never accepts an envelope the DTO rejects', () => {
    const looser = variants.filter((v) => envelopeIfPlainlyValid(v) !== undefined && !dtoAccepts(v));
    expect(looser).toEqual([]);
    // and it does decline a good share of them, so the comparison above is not vacuous
    expect(variants.filter((v) => envelopeIfPlainlyValid(v) === undefined).length).toBeGreaterThan(variants.length / 2);
  });
});
