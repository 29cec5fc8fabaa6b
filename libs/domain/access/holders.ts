import type { ClientPathState } from '../client-path/index.js';
import { addDays, type IsoDate } from '../time/index.js';
import { relationshipBases, relationshipSubjectIds } from './relationship.js';
import { disclosureSubjectIds, entryVisibility, type DisclosureBasis, type Viewer } from './visibility.js';

/**
 * The same access rules seen from the client's side: who holds a relationship, and who may
 * see the client's identity data. Read models store these so a query across clients (a
 * search) can filter by them; each is *asked* of relationshipBases and entryVisibility, never
 * restated, so a change to those rules changes these with them.
 */

/** An organisation as a whole (personId null) or one person wherever they work (organisationId null). */
export interface RelationshipHolder {
  organisationId: string | null;
  personId: string | null;
}

/** An organisation that may see the client's identity data (name, identity code) up to and including `until`. */
export interface IdentityViewer {
  organisationId: string;
  until: IsoDate;
}

/** `until` of a visibility that no date ends. */
export const NO_END: IsoDate = '9999-12-31';
const DAWN: IsoDate = '0001-01-01';
/** No organisation or person has the empty id: a probe with it matches nothing. */
const NOBODY = '';

/**
 * Every id the state names: string values of keys ending in `Id`, elements of keys ending in
 * `Ids`, and the keys of maps whose values are all objects (organisations, officers,
 * instructors, plans …); relationshipHolders and identityViewers take them from here unless
 * given them. A subject that relationshipBases
 * or entryVisibility can match is compared with an id the state holds, so it is among these.
 */
export function idsNamedIn(state: ClientPathState): string[] {
  const out = new Set<string>();
  // for…in and no Object.entries: the projector calls this for every client it writes
  const walk = (value: unknown, key: string): void => {
    if (typeof value === 'string') {
      if (key.endsWith('Id') || key.endsWith('Ids')) out.add(value);
    } else if (Array.isArray(value)) {
      const named = key.endsWith('Ids');
      for (const v of value) if (named || (v !== null && typeof v === 'object')) walk(v, key); // not every attended date
    } else if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      let keyedById = true; // every value an object: a map keyed by ids (periods, or people by organisation)
      for (const k in record) {
        const v = record[k];
        if (v === null || typeof v !== 'object') keyedById = false;
        walk(v, k);
      }
      if (keyedById) for (const k in record) out.add(k);
    }
  };
  walk(state, '');
  out.delete(NOBODY);
  return [...out].sort(); // a fixed order: a live projection and a rebuild walk the state in different key orders
}

/**
 * The ids worth asking relationshipHolders and identityViewers about: those the rules compare
 * a subject with (relationshipSubjectIds, disclosureSubjectIds), a handful per client where
 * idsNamedIn walks the whole state. Asking only these gives the same answers, in the same
 * order (holders.unit.spec.ts): an id outside them matches no rule. An empty id among them
 * would let the probe with nobody match, so then every id the state names is asked.
 */
export function accessCandidateIds(state: ClientPathState): string[] {
  const out = new Set<string>();
  for (const id of [...relationshipSubjectIds(state), ...disclosureSubjectIds(state)]) {
    if (typeof id !== 'string') continue; // idsNamedIn takes strings only
    if (id === NOBODY) return idsNamedIn(state);
    out.add(id);
  }
  return [...out].sort();
}

/**
 * Who holds a client relationship now: each id the state names, asked of relationshipBases
 * once as an organisation (with nobody as the person) and once as a person (with no
 * organisation). A relationship that needed a person *and* their organisation together
 * would need pairs here; holders.unit.spec.ts checks the two views agree.
 */
export function relationshipHolders(state: ClientPathState, ids = idsNamedIn(state)): RelationshipHolder[] {
  const organisations = ids.filter(
    (id) => relationshipBases(state, { personId: NOBODY, organisationId: id }).length > 0,
  );
  const persons = ids.filter((id) => relationshipBases(state, { personId: id, organisationId: NOBODY }).length > 0);
  return [
    ...organisations.map((organisationId) => ({ organisationId, personId: null })),
    ...persons.map((personId) => ({ organisationId: null, personId })),
  ];
}

/** Whether a viewer may see the client's identity data (the registration's profile) on a date, and on what basis. */
export function identityVisibility(state: ClientPathState, viewer: Viewer, today: IsoDate): DisclosureBasis | null {
  return entryVisibility(
    state,
    viewer,
    { organisationId: state.registeredBy?.organisationId ?? NOBODY, type: 'ClientRegistered' },
    today,
  );
}

/**
 * The organisations that may see the client's identity data, each until the last date it may.
 * Visibility only ends with time (a consent's validUntil), so asking from the first date on,
 * then the day after each consent that allowed it runs out, finds the last date.
 */
export function identityViewers(state: ClientPathState, ids = idsNamedIn(state)): IdentityViewer[] {
  const out: IdentityViewer[] = [];
  for (const organisationId of ids) {
    const viewer = { organisationId, role: 'officer' };
    let until: IsoDate | null = null;
    for (let day = DAWN; ; ) {
      const basis = identityVisibility(state, viewer, day);
      if (!basis) break;
      const end = basis.kind === 'consent' ? state.consents[basis.consentId]?.validUntil : undefined;
      if (!end || end >= NO_END) {
        until = NO_END;
        break;
      }
      until = end;
      day = addDays(end, 1);
    }
    if (until) out.push({ organisationId, until });
  }
  return out;
}
