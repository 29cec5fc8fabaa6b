import Database from 'better-sqlite3';
import { startTestApp, type TestApp } from './support/index.js';

/** Auditor replays from the events (as known on / as it was on a date) and tamper evidence. */
describe('auditor replay and integrity', () => {
  let t: TestApp;
  let now = new Date('2025-03-01T10:00:00Z');
  const clientId = 'te-keski-suomi:client-replay-1';
  const c = `/clients/${clientId}`;
  const auditor = async () => ({ ...(await t.authHeader('auditor')), 'X-Purpose': 'audit' });
  const post = async (
    path: string,
    body: object,
    who: 'employmentOfficer' | 'wellbeingOfficer' = 'employmentOfficer',
  ) => {
    const res = await t.http
      .post(path)
      .set(await t.authHeader(who))
      .send(body);
    if (res.status !== 201) throw new Error(`${path} ${res.status} ${JSON.stringify(res.body)}`);
  };

  beforeAll(async () => {
    t = await startTestApp({ clock: () => now });
    await post('/clients', { clientId, fullName: 'Reijo Replay', birthDate: '1980-02-02', municipality: 'Turku' });
    await post(`${c}/typ-relationship`, {
      startDate: '2025-03-01',
      parties: [
        { organisationId: 'te-keski-suomi', organisationType: 'employment_authority' },
        { organisationId: 'hyvaks-sote', organisationType: 'wellbeing_county' },
      ],
    });
    now = new Date('2025-05-10T10:00:00Z');
    // Recorded in May, but it happened on 5.3.: a late entry.
    await post(`${c}/service-need-assessments`, { assessedOn: '2025-03-05', needs: ['housing'] }, 'wellbeingOfficer');
  });
  afterAll(async () => t?.close());

  const types = (body: { timeline: { type: string }[] }) => body.timeline.map((e) => e.type);

  it('replays as known on a date: only what had been recorded by then', async () => {
    const res = await t.http.get(`/audit/clients/${clientId}/path?asKnownOn=2025-04-01`).set(await auditor());
    expect(res.status).toBe(200);
    expect(res.body.mode).toEqual({ kind: 'as_known_on', date: '2025-04-01' });
    expect(types(res.body)).toEqual(['ClientRegistered', 'TypRelationshipStarted']);
  });

  it('replays as it was on a date: including facts recorded later', async () => {
    const res = await t.http.get(`/audit/clients/${clientId}/path?asOf=2025-04-01`).set(await auditor());
    expect(types(res.body)).toContain('ServiceNeedAssessmentRecorded');
    const early = await t.http.get(`/audit/clients/${clientId}/path?asOf=2025-03-02`).set(await auditor());
    expect(types(early.body)).not.toContain('ServiceNeedAssessmentRecorded');
  });

  it('serves the raw history with positions, authors and organisations, to auditors only', async () => {
    const res = await t.http.get(`/audit/clients/${clientId}/events`).set(await auditor());
    expect(res.body.events.map((e: { streamVersion: string }) => e.streamVersion)).toEqual(['1', '2', '3']);
    expect(res.body.events[2]).toMatchObject({
      type: 'ServiceNeedAssessmentRecorded',
      actor: { organisationId: 'hyvaks-sote' },
      globalPosition: '3',
    });
    const officer = await t.http
      .get(`/audit/clients/${clientId}/events`)
      .set({ ...(await t.authHeader('employmentOfficer')), 'X-Purpose': 'x' });
    expect(officer.status).toBe(403);
  });

  it('reports an intact history, then the first broken link after a stored event is edited', async () => {
    const intact = await t.http.get(`/audit/integrity?clientId=${clientId}`).set(await auditor());
    expect(intact.body).toMatchObject({ intact: true, checked: 3 });
    const db = new Database(t.config.eventStore.path);
    // Backdate the assessment (personal fields are encrypted, dates are not).
    const changed = db
      .prepare(
        "UPDATE events SET data = replace(data, '2025-03-05', '2025-03-04') WHERE client_id = ? AND stream_version = 3",
      )
      .run(clientId);
    expect(changed.changes).toBe(1);
    db.close();
    const broken = await t.http.get(`/audit/integrity?clientId=${clientId}`).set(await auditor());
    expect(broken.body).toMatchObject({ intact: false, clientId, streamVersion: '3', globalPosition: '3' });
    const all = await t.http.get('/audit/integrity').set(await auditor());
    expect(all.body).toMatchObject({ intact: false, streamVersion: '3' });
  });
});
