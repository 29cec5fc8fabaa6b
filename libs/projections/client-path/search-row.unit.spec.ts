import type { RecordedEvent } from '../../events/index.js';
import { History, ORG } from '../../domain/test-support/index.js';
import { applyEvents } from './read-model.js';

const recorded = (h: History): RecordedEvent[] =>
  h.events.map((e, i) => ({ ...e, streamVersion: i + 1, globalPosition: BigInt(i + 1) }) as unknown as RecordedEvent);
const searchOf = (h: History) => applyEvents(undefined, recorded(h)).search;

describe('the search row the projection derives', () => {
  const registered = () =>
    new History().add(
      'ClientRegistered',
      {
        fullName: 'Anna-Liisa Äärelä',
        personalIdentityCode: '010190-123a',
        birthDate: '1990-01-01',
        municipality: 'Pori',
      },
      'employment',
      '2024-11-01',
    );

  it('carries the profile, its name words and a normalised identity code', () => {
    expect(searchOf(registered())).toEqual({
      clientId: 'client-1',
      identityCode: '010190-123A',
      fullName: 'Anna-Liisa Äärelä',
      birthDate: '1990-01-01',
      municipality: 'Pori',
      nameWords: ['anna', 'liisa', 'aarela'],
      holders: [{ organisationId: ORG.employment.organisationId, personId: null }],
      identityViewers: [{ organisationId: ORG.employment.organisationId, until: '9999-12-31' }],
    });
  });

  it('follows who may see the client: TYP parties hold a relationship, a named officer too', () => {
    const row = searchOf(registered().typStarted().officerAssigned('officer-x', '2025-01-05', 'kela'));
    expect(row?.holders).toEqual(
      expect.arrayContaining([
        { organisationId: ORG.county.organisationId, personId: null },
        { organisationId: null, personId: 'officer-x' },
      ]),
    );
    expect(row?.identityViewers).toEqual([{ organisationId: ORG.employment.organisationId, until: '9999-12-31' }]);
  });

  it('keeps no personal field once the client is erased, so only the id finds it', () => {
    const row = searchOf(
      registered().add('ClientDataErased', { erasedOn: '2030-01-01', ground: 'typ_retention_4_years' }, 'employment'),
    );
    expect(row).toMatchObject({
      identityCode: null,
      fullName: null,
      birthDate: null,
      municipality: null,
      nameWords: [],
    });
    expect(row?.holders).toEqual([{ organisationId: ORG.employment.organisationId, personId: null }]);
  });

  it('is absent before a registration', () => expect(searchOf(new History().typStarted())).toBeNull());
});
