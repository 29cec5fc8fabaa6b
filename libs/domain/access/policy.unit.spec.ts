import { authoriseClientAccess, entryVisibility, relationshipBases } from './index.js';
import { History, ORG } from '../test-support/index.js';

// Law 703/2023: access only where a client relationship is technically verified.
const subject = (org: keyof typeof ORG, personId = 'someone') => ({
  personId,
  organisationId: ORG[org].organisationId,
});
const read = (role: Parameters<typeof authoriseClientAccess>[0], who: ReturnType<typeof subject>, h: History) =>
  authoriseClientAccess(role, who, h.state(), 'read', 'client-1');

describe('client relationship bases', () => {
  it('the registering organisation has a relationship; another has none', () => {
    const h = new History().registered();
    expect(relationshipBases(h.state(), subject('employment'))).toEqual(['registering_organisation']);
    expect(relationshipBases(h.state(), subject('kela'))).toEqual([]);
  });
  it('TYP parties have a relationship while it is active, not after it ended', () => {
    expect(relationshipBases(new History().registered().typStarted().state(), subject('county'))).toContain(
      'typ_party',
    );
    expect(
      relationshipBases(new History().registered().typStarted().typEnded('2025-06-01').state(), subject('county')),
    ).toEqual([]);
  });
  it('a referral party has a relationship while the referral is open, or accepted until its period ends', () => {
    const open = new History().registered().typStarted().referral();
    expect(relationshipBases(open.state(), subject('association'))).toContain('referral_party');
    const declined = new History().registered().typStarted().referral().referralDeclined();
    expect(relationshipBases(declined.state(), subject('association'))).toEqual([]);
  });
  it('a person named on the client has a relationship; a colleague without a basis has none', () => {
    const h = new History().registered().personNamed('officer-x', 'responsible_officer', '2025-01-05', 'kela');
    expect(read('officer', subject('kela', 'officer-x'), h)).toEqual({ allowed: true, bases: ['named_person'] });
    expect(read('officer', subject('kela', 'officer-y'), h)).toEqual({
      allowed: false,
      reason: 'no_client_relationship',
    });
  });
});

describe("the provider's own instructor", () => {
  it('has a relationship while the period is active, and loses it when the period ends', () => {
    const running = new History()
      .registered()
      .periodStarted({ periodId: 'p1' })
      .personNamed('instr-1', 'own_instructor', '2025-01-20', 'association', { periodId: 'p1' });
    const instructor = { personId: 'instr-1', organisationId: 'elsewhere' };
    expect(relationshipBases(running.state(), instructor)).toEqual(['own_instructor']);
    expect(relationshipBases(running.periodEnded('p1', '2025-06-01').state(), instructor)).toEqual([]);
  });
});

describe('roles', () => {
  const h = new History().registered();
  it('auditors read but never write', () => {
    expect(read('auditor', subject('kela'), h).allowed).toBe(true);
    expect(authoriseClientAccess('auditor', subject('kela'), h.state(), 'write', 'client-1')).toEqual({
      allowed: false,
      reason: 'role_read_only',
    });
  });
  it('administrators see no client data', () =>
    expect(read('admin', subject('employment'), h)).toEqual({ allowed: false, reason: 'role_has_no_client_access' }));
  it('the client reads only their own data', () => {
    expect(
      authoriseClientAccess('client', { personId: 'client-1', organisationId: 'self' }, h.state(), 'read', 'client-1')
        .allowed,
    ).toBe(true);
    expect(
      authoriseClientAccess('client', { personId: 'client-2', organisationId: 'self' }, h.state(), 'read', 'client-1'),
    ).toEqual({ allowed: false, reason: 'not_own_data' });
  });
  it('officers may register a new client; provider instructors may not', () => {
    expect(authoriseClientAccess('officer', subject('employment'), null, 'register', 'new').allowed).toBe(true);
    expect(authoriseClientAccess('instructor', subject('association'), null, 'register', 'new').allowed).toBe(false);
  });
});

describe("visibility of another organisation's entries", () => {
  const viewer = { organisationId: ORG.kela.organisationId, role: 'officer' };
  const assessment = { organisationId: ORG.county.organisationId, type: 'ServiceNeedAssessmentRecorded' };
  const consented = () =>
    new History()
      .registered()
      .typStarted()
      .add('ConsentGiven', {
        consentId: 'c1',
        scope: { organisationIds: [ORG.kela.organisationId], dataKinds: ['assessments'] },
      });
  it('is shown under a consent covering the reader and the data kind', () =>
    expect(entryVisibility(consented().state(), viewer, assessment, '2025-06-01')).toEqual({
      kind: 'consent',
      consentId: 'c1',
    }));
  it('is hidden when the consent does not cover the data kind', () =>
    expect(
      entryVisibility(consented().state(), viewer, { ...assessment, type: 'BenefitStatusRecorded' }, '2025-06-01'),
    ).toBeNull());
  it('is hidden after the consent is withdrawn', () =>
    expect(
      entryVisibility(
        consented().add('ConsentWithdrawn', { consentId: 'c1' }).state(),
        viewer,
        assessment,
        '2025-06-01',
      ),
    ).toBeNull());
  it('shows the responsible officer without consent, on a recorded legal basis', () =>
    expect(
      entryVisibility(
        new History().registered().state(),
        viewer,
        { organisationId: 'x', type: 'ResponsibleOfficerAssigned' },
        '2025-06-01',
      ),
    ).toEqual({ kind: 'legal_basis', code: 'service_coordination' }));
});
