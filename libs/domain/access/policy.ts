import type { ClientPathState } from '../client-path/index.js';
import { relationshipBases, type AccessSubject, type RelationshipBasis } from './relationship.js';

export type AccessRole = 'officer' | 'instructor' | 'agency_system' | 'auditor' | 'admin' | 'client';
export type AccessAction = 'read' | 'write' | 'register';

export type AccessDecision =
  | { allowed: true; bases: (RelationshipBasis | 'auditor' | 'own_data')[] }
  | { allowed: false; reason: AccessRefusal };

export type AccessRefusal =
  | 'no_client_relationship' // existence must not leak: answered like an unknown client
  | 'role_read_only'
  | 'role_has_no_client_access'
  | 'not_own_data';

/**
 * Who may read or write a client's data. Officers, instructors and agency systems need a
 * verified client relationship; auditors read everything and write nothing; the client
 * reads their own data; administrators run the system but see no client data.
 */
export function authoriseClientAccess(
  role: AccessRole,
  who: AccessSubject,
  state: ClientPathState | null,
  action: AccessAction,
  clientId: string,
): AccessDecision {
  switch (role) {
    case 'auditor':
      return action === 'read' ? { allowed: true, bases: ['auditor'] } : { allowed: false, reason: 'role_read_only' };
    case 'admin':
      return { allowed: false, reason: 'role_has_no_client_access' };
    case 'client':
      if (who.personId !== clientId) return { allowed: false, reason: 'not_own_data' };
      return action === 'read' ? { allowed: true, bases: ['own_data'] } : { allowed: false, reason: 'role_read_only' };
    default: {
      // Registering a new client creates the relationship; providers do not register clients.
      if (action === 'register') {
        return role === 'instructor'
          ? { allowed: false, reason: 'role_has_no_client_access' }
          : { allowed: true, bases: ['registering_organisation'] };
      }
      const bases = state ? relationshipBases(state, who) : [];
      return bases.length > 0 ? { allowed: true, bases } : { allowed: false, reason: 'no_client_relationship' };
    }
  }
}
