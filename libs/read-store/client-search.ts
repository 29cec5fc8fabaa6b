/**
 * Finding a client: the row the projector keeps per client, the query the API asks, and the
 * one normalisation both use (what is stored and what is asked must be normalised alike).
 */

/** Who holds a client relationship: an organisation (personId null) or a person wherever they work. */
export interface SearchHolder {
  organisationId: string | null;
  personId: string | null;
}

/** An organisation that may see the client's identity data up to and including `until` (YYYY-MM-DD). */
export interface SearchIdentityViewer {
  organisationId: string;
  until: string;
}

export interface ClientSearchRow {
  clientId: string;
  /** Henkilötunnus, upper case; null when none was recorded or the client's data is erased. */
  identityCode: string | null;
  fullName: string | null;
  birthDate: string | null;
  municipality: string | null;
  /** Normalised words of the name (searchNameWords), matched by prefix; empty once erased. */
  nameWords: string[];
  /** Who may find the client at all. */
  holders: SearchHolder[];
  /** Who may find the client by name or identity code, and see those in the results. */
  identityViewers: SearchIdentityViewer[];
}

/** Who searches: auditors see every client; anyone else only where a holder matches them. */
export type SearchViewer = { everyone: true } | { everyone: false; organisationId: string; personId: string };

/** Result order: normalised name, then client id; a page starts after the last row of the previous one. */
export interface ClientSearchCursor {
  sortName: string;
  clientId: string;
}

export type ClientSearchTerm =
  | { kind: 'identity_code'; identityCode: string }
  /** Name words (each a prefix of some word of the name, all of them) or an exact client id. */
  | { kind: 'name_or_client_id'; words: string[]; clientId: string };

export interface ClientSearchQuery {
  term: ClientSearchTerm;
  viewer: SearchViewer;
  /** YYYY-MM-DD: identity visibility by consent is checked against this date. */
  today: string;
  limit: number;
  after?: ClientSearchCursor;
}

export interface ClientSearchHit {
  clientId: string;
  /** Null where the viewer may not see the identity data (found by client id only) or it is erased. */
  fullName: string | null;
  birthDate: string | null;
  municipality: string | null;
  /** The hit's place in result order (empty where the name is not shown): the next page's cursor. */
  sortName: string;
}

/** Henkilötunnus: DDMMYY, century sign (+, -, A-F, U-Y since 2023), individual number, check character. */
export const IDENTITY_CODE = /^\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]$/;

/** The identity code as stored and compared: trimmed, upper case (IDENTITY_CODE tells whether it is one). */
export const normaliseIdentityCode = (text: string): string => text.trim().toUpperCase();

/**
 * Words of a name or a search text: accents and case folded (Äijälä ~ aijala), split at
 * anything but letters and digits (Anna-Liisa ~ anna liisa).
 */
export function searchNameWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The order key of a row: its name words, space-separated ('' once erased). */
export const sortNameOf = (row: Pick<ClientSearchRow, 'nameWords'>): string => row.nameWords.join(' ');

/** The word that picks the candidates: the longest is the fewest names' prefix. */
export const leadWord = (words: string[]): string => words.reduce((a, b) => (b.length > a.length ? b : a), '');

/**
 * A holder as one index key, and the keys that admit a viewer: the viewer's organisation, the
 * viewer as a person, and the two together. A holder admits the viewer exactly when its key is
 * among the viewer's (the same rule as matching its organisationId and personId, null = any).
 */
export function searchHolderKey(h: SearchHolder): string {
  return JSON.stringify([h.organisationId, h.personId]);
}
export const viewerHolderKeys = (organisationId: string, personId: string): string[] =>
  [
    [organisationId, null],
    [null, personId],
    [organisationId, personId],
  ].map((k) => JSON.stringify(k));
