import type { PrincipalSpec } from '../../libs/auth/principal.js';

/**
 * Ready-made callers for e2e tests, one per kind of organisation and role in a TYP path
 * in Central Finland. Spread and override for variants: `{ ...PRINCIPALS.employmentOfficer, personId: 'p-2' }`.
 */
export const PRINCIPALS = {
  employmentOfficer: {
    personId: 'te-officer-maija',
    displayName: 'Maija Virtanen',
    organisationId: 'te-keski-suomi',
    organisationType: 'employment_authority',
    role: 'officer',
  },
  wellbeingOfficer: {
    personId: 'hva-social-worker-jari',
    displayName: 'Jari Mäkinen',
    organisationId: 'hyvaks-sote',
    organisationType: 'wellbeing_county',
    role: 'officer',
  },
  kelaOfficer: {
    personId: 'kela-officer-aino',
    displayName: 'Aino Korhonen',
    organisationId: 'kela',
    organisationType: 'kela',
    role: 'officer',
  },
  providerInstructor: {
    personId: 'settlement-instructor-pekka',
    displayName: 'Pekka Nieminen',
    organisationId: 'provider-jyvaskyla-settlement',
    organisationType: 'provider',
    role: 'instructor',
  },
  agencySystem: {
    personId: 'system-te-keski-suomi-integration',
    displayName: 'TE Keski-Suomi integration',
    organisationId: 'te-keski-suomi',
    organisationType: 'employment_authority',
    role: 'agency_system',
  },
  auditor: {
    personId: 'auditor-liisa',
    displayName: 'Liisa Laine',
    organisationId: 'hyvaks-sote',
    organisationType: 'wellbeing_county',
    role: 'auditor',
  },
  admin: {
    personId: 'admin-olli',
    displayName: 'Olli Heikkinen',
    organisationId: 'te-keski-suomi',
    organisationType: 'employment_authority',
    role: 'admin',
  },
} as const satisfies Record<string, PrincipalSpec>;

export type PrincipalPreset = keyof typeof PRINCIPALS;
