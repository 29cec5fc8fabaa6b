import type { AccessRole } from './policy.js';
import type { AccessSubject } from './relationship.js';

/**
 * Read rules beyond one client's path: a person's caseload, an organisation's worklist and
 * caseload report, a client's own access log. The API's query handlers ask these; the role a
 * route requires is checked before (the guard), these say what that role may see.
 */

/** Who reads: the verified caller's role, person and organisation. */
export interface Reader extends AccessSubject {
  role: AccessRole;
}

/** Which of a person's caseload rows a reader sees: none, all, or only those of the reader's organisation. */
export type CaseloadScope = 'none' | 'all' | 'own_organisation';

/**
 * A caseload: one's own in full, a colleague's within one's own organisation; auditors any in
 * full. Administrators and clients have no caseloads.
 */
export function caseloadScope(reader: Reader, personId: string): CaseloadScope {
  if (reader.role === 'admin' || reader.role === 'client') return 'none';
  if (reader.role === 'auditor' || reader.personId === personId) return 'all';
  return 'own_organisation';
}

/**
 * An organisation's worklist or caseload report: visible to the organisation's own people and
 * systems, and to auditors; never to administrators or clients.
 */
export function mayReadOrganisationView(reader: Reader, organisationId: string): boolean {
  if (reader.role === 'auditor') return true;
  if (reader.role === 'admin' || reader.role === 'client') return false;
  return reader.organisationId === organisationId;
}

/**
 * A client's usage and disclosure log (law 703/2023 §11): the client sees their own only;
 * auditors see any client's. Nobody else reads it.
 */
export function mayReadClientAccessLog(reader: Reader, clientId: string): boolean {
  if (reader.role === 'auditor') return true;
  return reader.role === 'client' && reader.personId === clientId;
}
