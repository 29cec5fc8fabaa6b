/**
 * The organisation directory: every organisation some recorded event names (TYP parties,
 * referral receivers, service-period providers, plan approvers, the organisations people are
 * named for, the organisations that recorded entries), with its type and latest known name.
 * Organisation names are not personal data. The projector folds what each client's events
 * name into the model; the read store merges those into one row per organisation.
 */
import type { OrganisationType } from '../events/index.js';
import { searchNameWords } from './client-search.js';

/** An organisation as one client's events (or one batch of clients) know it. */
export interface NamedOrganisation {
  organisationId: string;
  organisationType: OrganisationType;
  /** Global position of the latest event naming it: that event's type wins. */
  position: bigint;
  /** The latest name an event gave it; null when none did (e.g. named only as an entry's author). */
  name: string | null;
  /** Global position of the event that gave `name` (0 when none). */
  namePosition: bigint;
}

/** A directory row as the API lists it; `sortName` is its place in the listing order. */
export interface DirectoryOrganisation {
  organisationId: string;
  organisationType: OrganisationType;
  name: string | null;
  sortName: string;
}

/** Listing order: sort name, then id; a page starts after the last row of the previous one. */
export interface OrganisationDirectoryCursor {
  sortName: string;
  organisationId: string;
}

export interface OrganisationDirectoryQuery {
  /** A fragment of the name or id, normalised with organisationMatchText; absent = every organisation. */
  text?: string;
  type?: OrganisationType;
  limit: number;
  after?: OrganisationDirectoryCursor;
}

/** Name words of a text, space-separated (accents and case folded): what is stored and asked alike. */
export const organisationMatchText = (text: string): string => searchNameWords(text).join(' ');

/** The order key: the name's words, or the id's when no name is known. */
export const organisationSortName = (o: Pick<NamedOrganisation, 'organisationId' | 'name'>): string =>
  organisationMatchText(o.name ?? o.organisationId);

/** What a fragment is looked for in: the name's words and the id's words together. */
export const organisationSearchText = (o: Pick<NamedOrganisation, 'organisationId' | 'name'>): string =>
  organisationMatchText(`${o.name ?? ''} ${o.organisationId}`);

/**
 * One organisation from two sightings: the later position's type, the later named position's
 * name. Order-free (associative and commutative), so a rebuild stream by stream, a batch and
 * a live catch-up all end with the same directory.
 */
export function mergeNamedOrganisation(a: NamedOrganisation, b: NamedOrganisation): NamedOrganisation {
  const typed =
    b.position > a.position || (b.position === a.position && b.organisationType > a.organisationType) ? b : a;
  const named =
    b.namePosition > a.namePosition || (b.namePosition === a.namePosition && (b.name ?? '') > (a.name ?? '')) ? b : a;
  return {
    organisationId: a.organisationId,
    organisationType: typed.organisationType,
    position: typed.position,
    name: named.name,
    namePosition: named.namePosition,
  };
}

/** A batch's organisations, one per id (a statement may not update one row twice). */
export function mergeNamedOrganisations(
  lists: Iterable<readonly NamedOrganisation[] | undefined>,
): NamedOrganisation[] {
  const byId = new Map<string, NamedOrganisation>();
  for (const list of lists) {
    for (const o of list ?? []) {
      const seen = byId.get(o.organisationId);
      byId.set(o.organisationId, seen ? mergeNamedOrganisation(seen, o) : o);
    }
  }
  return [...byId.values()];
}
