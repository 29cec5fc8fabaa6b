import { accessCandidateIds, identityViewers, relationshipHolders } from '../../domain/index.js';
import { normaliseIdentityCode, searchNameWords, type ClientSearchRow } from '../../read-store/index.js';
import type { ClientProjectionState } from './state.js';

/**
 * What finds a client and who may find it. The personal fields come from the profile, which
 * erasure empties: an erased client is found by its id alone. Who may find it is asked of the
 * domain's access rules (relationshipHolders, identityViewers), never restated here; the ids
 * asked about are the domain's candidates (accessCandidateIds), not a walk of the whole state.
 */
export function searchRowOf(clientId: string, s: ClientProjectionState): ClientSearchRow | null {
  if (!s.domain.registered) return null;
  const p = s.profile;
  const ids = accessCandidateIds(s.domain); // the few ids the rules compare with, for both
  return {
    clientId,
    identityCode: p?.personalIdentityCode ? normaliseIdentityCode(p.personalIdentityCode) : null,
    fullName: p?.fullName ?? null,
    birthDate: p?.birthDate ?? null,
    municipality: p?.municipality ?? null,
    nameWords: p ? searchNameWords(p.fullName) : [],
    holders: relationshipHolders(s.domain, ids),
    identityViewers: identityViewers(s.domain, ids),
  };
}
