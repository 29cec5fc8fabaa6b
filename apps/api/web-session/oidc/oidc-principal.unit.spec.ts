import { OidcClaimsRefusedError, principalFromIdToken } from './oidc-principal.js';

const officer = {
  sub: 'te-olli',
  name: 'Olli',
  org: 'te-keski-suomi',
  org_type: 'employment_authority',
  role: 'officer',
};

describe('the ID token as a Polku principal', () => {
  it('maps the documented claims: sub, name, org, org_type, role', () => {
    expect(principalFromIdToken(officer)).toEqual({
      personId: 'te-olli',
      displayName: 'Olli',
      organisationId: 'te-keski-suomi',
      organisationType: 'employment_authority',
      role: 'officer',
    });
  });

  it.each([
    ['an unknown organisation type', { ...officer, org_type: 'bank' }, 'org_type'],
    ['a role the workspace has no place for', { ...officer, role: 'agency_system' }, 'role'],
    ['an unknown role', { ...officer, role: 'superuser' }, 'role'],
    ['a malformed organisation id', { ...officer, org: 'te keski/suomi' }, 'org'],
    ['no organisation', { ...officer, org: undefined }, 'org'],
  ])('refuses %s, naming the claim', (_case, claims, claim) => {
    expect(() => principalFromIdToken(claims)).toThrow(OidcClaimsRefusedError);
    expect(() => principalFromIdToken(claims)).toThrow(expect.objectContaining({ claim }));
  });
});
