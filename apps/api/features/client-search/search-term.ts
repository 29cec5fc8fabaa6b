import {
  IDENTITY_CODE,
  normaliseIdentityCode,
  searchNameWords,
  type ClientSearchCursor,
  type ClientSearchHit,
  type ClientSearchTerm,
} from '../../../../libs/read-store/index.js';
import { RequestValidationException } from '../../../../libs/problem/validation.js';
import { decodeCursor, encodeCursor } from '../shared/cursor.js';

/** More words than a name has are a typo or a paste, not a search. */
export const MAX_SEARCH_WORDS = 6;

/**
 * What `q` asks: an identity code when it has the form of one (case folded), otherwise an
 * exact client id or the beginnings of name words, all of them (accents and case folded).
 */
export function searchTermOf(q: string): ClientSearchTerm {
  const code = normaliseIdentityCode(q);
  if (IDENTITY_CODE.test(code)) return { kind: 'identity_code', identityCode: code };
  const words = searchNameWords(q);
  if (words.length === 0)
    throw new RequestValidationException([{ field: 'q', message: 'q must contain letters or digits' }]);
  if (words.length > MAX_SEARCH_WORDS) {
    throw new RequestValidationException([{ field: 'q', message: `q may have at most ${MAX_SEARCH_WORDS} words` }]);
  }
  return { kind: 'name_or_client_id', words, clientId: q.trim() };
}

/**
 * What the usage log keeps of a search: its kind and size, never the text (a name or an
 * identity code is personal data, and the log is append-only: erasure could never reach it).
 * Which clients it returned are the entries themselves.
 */
export function searchLogDetail(term: ClientSearchTerm): string {
  if (term.kind === 'identity_code') return 'search by identity_code';
  const n = term.words.length;
  return `search by name_or_client_id, ${n} word${n === 1 ? '' : 's'}`;
}

export const encodeSearchCursor = (hit: ClientSearchHit): string => encodeCursor([hit.sortName, hit.clientId]);

export function decodeSearchCursor(text: string | undefined): ClientSearchCursor | undefined {
  if (text === undefined) return undefined;
  const [sortName, clientId] = decodeCursor(text, 2, 'after must be a nextCursor returned by this search');
  return { sortName, clientId };
}
