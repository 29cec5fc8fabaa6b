import { caseloadScope, mayReadClientAccessLog, mayReadOrganisationView, type Reader } from './index.js';

const reader = (role: Reader['role'], personId = 'officer-1', organisationId = 'te-1'): Reader => ({
  role,
  personId,
  organisationId,
});

describe('caseload scope', () => {
  it('one sees one’s own caseload in full', () => {
    expect(caseloadScope(reader('officer', 'officer-1'), 'officer-1')).toBe('all');
    expect(caseloadScope(reader('instructor', 'instr-1'), 'instr-1')).toBe('all');
  });
  it('an auditor sees anyone’s caseload in full', () => {
    expect(caseloadScope(reader('auditor', 'aud-1', 'avi'), 'officer-1')).toBe('all');
  });
  it('a colleague’s caseload shows only the rows of one’s own organisation', () => {
    expect(caseloadScope(reader('officer', 'officer-2'), 'officer-1')).toBe('own_organisation');
    expect(caseloadScope(reader('agency_system', 'sys-1'), 'officer-1')).toBe('own_organisation');
  });
  it('administrators and clients have no caseloads, not even their own', () => {
    expect(caseloadScope(reader('admin', 'admin-1'), 'admin-1')).toBe('none');
    expect(caseloadScope(reader('admin', 'admin-1'), 'officer-1')).toBe('none');
    expect(caseloadScope(reader('client', 'client-1', 'self'), 'client-1')).toBe('none');
  });
});

describe('organisation views (worklist, caseload report)', () => {
  it('the organisation’s own officers, instructors and systems may read them', () => {
    for (const role of ['officer', 'instructor', 'agency_system'] as const) {
      expect(mayReadOrganisationView(reader(role, 'x', 'te-1'), 'te-1')).toBe(true);
    }
  });
  it('an auditor may read any organisation’s', () => {
    expect(mayReadOrganisationView(reader('auditor', 'aud-1', 'avi'), 'te-1')).toBe(true);
  });
  it('another organisation may not', () => {
    for (const role of ['officer', 'instructor', 'agency_system'] as const) {
      expect(mayReadOrganisationView(reader(role, 'x', 'kela-1'), 'te-1')).toBe(false);
    }
  });
  it('administrators and clients may not, even naming their own organisation', () => {
    expect(mayReadOrganisationView(reader('admin', 'admin-1', 'te-1'), 'te-1')).toBe(false);
    expect(mayReadOrganisationView(reader('client', 'client-1', 'self'), 'self')).toBe(false);
  });
});

describe('a client’s access log', () => {
  it('the client may read their own', () => {
    expect(mayReadClientAccessLog(reader('client', 'client-1', 'self'), 'client-1')).toBe(true);
  });
  it('a client may not read another client’s', () => {
    expect(mayReadClientAccessLog(reader('client', 'client-2', 'self'), 'client-1')).toBe(false);
  });
  it('an auditor may read any client’s', () => {
    expect(mayReadClientAccessLog(reader('auditor', 'aud-1', 'avi'), 'client-1')).toBe(true);
  });
  it('officers, instructors, systems and administrators may not', () => {
    for (const role of ['officer', 'instructor', 'agency_system', 'admin'] as const) {
      expect(mayReadClientAccessLog(reader(role, 'client-1'), 'client-1')).toBe(false);
    }
  });
});
