import type { RecordedEvent } from '../../events/index.js';
import { History, ORG } from '../../domain/test-support/index.js';
import { applyEvents } from './read-model.js';

const recorded = (h: History): RecordedEvent[] =>
  h.events.map((e, i) => ({ ...e, streamVersion: i + 1, globalPosition: BigInt(i + 1) }) as unknown as RecordedEvent);
const byId = (h: History) =>
  Object.fromEntries((applyEvents(undefined, recorded(h)).organisations ?? []).map((o) => [o.organisationId, o]));

describe('the organisations the projection derives for the directory', () => {
  it('notes TYP parties, referral receivers, providers and entry authors, each with the latest name', () => {
    const h = new History()
      .registered()
      .typStarted() // parties: employment, county, kela
      .referral({ to: { ...ORG.company, name: 'Yritys Oy' } }) // position 3, by county
      .referral({ referralId: 'referral-2', to: { ...ORG.company, name: 'Yritys Oyj' } }) // renamed at 4
      .referral({ referralId: 'referral-3', to: ORG.company }) // 5: named again without a name
      .periodStarted({}, 'county');
    const found = byId(h);
    expect(Object.keys(found).sort()).toEqual(
      ['hyvinvointialue-1', 'kela', 'tyollisyysalue-1', 'yhdistys-1', 'yritys-1'].sort(),
    );
    expect(found['yritys-1']).toEqual({
      organisationId: 'yritys-1',
      organisationType: 'provider',
      position: 5n,
      name: 'Yritys Oyj',
      namePosition: 4n,
    });
    expect(found['tyollisyysalue-1']).toMatchObject({ organisationType: 'employment_authority', name: null });
  });

  it('carries what it noted in the state, so a later batch keeps the earlier names', () => {
    const events = recorded(
      new History()
        .registered()
        .referral({ to: { ...ORG.company, name: 'Yritys Oy' } })
        .typStarted(),
    );
    const first = applyEvents(undefined, events.slice(0, 2));
    // as a read store gives it back: documents through JSON, no organisations (getClients leaves them out)
    const stored = {
      ...first,
      path: JSON.parse(JSON.stringify(first.path)),
      state: JSON.parse(JSON.stringify(first.state)),
      organisations: undefined,
    };
    const later = applyEvents(stored, events.slice(2));
    expect(later.organisations?.find((o) => o.organisationId === 'yritys-1')?.name).toBe('Yritys Oy');
    expect(later.organisations?.map((o) => o.organisationId).sort()).toEqual(
      ['hyvinvointialue-1', 'kela', 'tyollisyysalue-1', 'yritys-1'].sort(),
    );
    // the first model is not changed by the second fold (the projection is pure)
    expect(first.organisations?.map((o) => o.organisationId).sort()).toEqual([
      'hyvinvointialue-1',
      'tyollisyysalue-1',
      'yritys-1',
    ]);
  });
});
