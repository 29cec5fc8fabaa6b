import { ORG, PEOPLE } from './organisations.js';

/** Who the development sign-in page offers: people of the demo paths, one per kind of user. */
export interface DemoSignInPerson {
  personId: string;
  displayName: string;
  organisationId: string;
  organisationType: 'employment_authority' | 'wellbeing_county' | 'kela' | 'provider';
  organisationName: string;
  role: 'officer' | 'instructor' | 'auditor' | 'admin' | 'client';
  /** Which demo client's path they take part in (the client's own id for a client). */
  demoClientId: string;
}

type Org = (typeof ORG)[keyof typeof ORG];
const as = (
  p: { personId: string; displayName: string },
  org: Org,
  role: DemoSignInPerson['role'],
  demoClientId: string,
): DemoSignInPerson => ({
  personId: p.personId,
  displayName: p.displayName,
  organisationId: org.organisationId,
  organisationType: org.organisationType,
  organisationName: org.name,
  role,
  demoClientId,
});

export const DEMO_SIGN_IN_PEOPLE: readonly DemoSignInPerson[] = [
  as(PEOPLE.outi, ORG.teKeskiSuomi, 'officer', 'demo-keski-suomi-1'),
  as(PEOPLE.liisa, ORG.teKeskiSuomi, 'officer', 'demo-keski-suomi-1'),
  as(PEOPLE.mikko, ORG.hyvaks, 'officer', 'demo-keski-suomi-1'),
  as(PEOPLE.anna, ORG.kela, 'officer', 'demo-keski-suomi-1'),
  as(PEOPLE.pekka, ORG.settlement, 'instructor', 'demo-keski-suomi-1'),
  as(PEOPLE.sari, ORG.teSatakunta, 'officer', 'demo-pori-1'),
  as(PEOPLE.jari, ORG.satasote, 'officer', 'demo-pori-1'),
  as(PEOPLE.tiina, ORG.poriWorkshop, 'instructor', 'demo-pori-1'),
  as(PEOPLE.elina, ORG.teTurku, 'officer', 'demo-turku-1'),
  as(PEOPLE.ville, ORG.varha, 'officer', 'demo-turku-1'),
  as({ personId: 'hyvaks-auditor-aila', displayName: 'Aila Auditor' }, ORG.hyvaks, 'auditor', 'demo-keski-suomi-1'),
  // The register keeper's administrator: the erasure form (no client data is shown)
  as({ personId: 'admin-olli', displayName: 'Olli Ylläpitäjä' }, ORG.teKeskiSuomi, 'admin', 'demo-keski-suomi-1'),
  // A client signs in as themselves: the token's subject is their client id.
  as(
    { personId: 'demo-keski-suomi-1', displayName: 'Matti Mallikas' },
    ORG.teKeskiSuomi,
    'client',
    'demo-keski-suomi-1',
  ),
];
