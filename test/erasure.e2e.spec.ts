import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, testProjector, type TestApp } from './support/index.js';

/** Erasure after retention: the key goes, the structure stays, the chain stays intact. */
describe('erasure after the retention period', () => {
  let t: TestApp;
  let now = new Date('2020-01-10T09:00:00Z');
  const clientId = 'te-keski-suomi:client-erasure-1';
  const c = `/clients/${clientId}`;
  const NAME = 'Erkki Erasable';
  const as = async (who: 'employmentOfficer' | 'auditor' | 'admin') => ({
    ...(await t.authHeader(who)),
    'X-Purpose': 'retention',
  });
  const post = async (path: string, body: object, who: 'employmentOfficer' | 'admin' = 'employmentOfficer') =>
    t.http
      .post(path)
      .set(await as(who))
      .send(body);
  const rawFiles = () =>
    ['events.sqlite', 'events.sqlite-wal']
      .map((f) => {
        try {
          return readFileSync(join(t.dataDir, f)).toString('latin1');
        } catch {
          return '';
        }
      })
      .join('');

  beforeAll(async () => {
    t = await startTestApp({ clock: () => now });
    await post('/clients', {
      clientId,
      fullName: NAME,
      personalIdentityCode: '010170-999X',
      birthDate: '1970-01-01',
      municipality: 'Rovaniemi',
    });
    await post(`${c}/typ-relationship`, {
      startDate: '2020-01-10',
      parties: [
        { organisationId: 'te-keski-suomi', organisationType: 'employment_authority' },
        { organisationId: 'hyvaks-sote', organisationType: 'wellbeing_county' },
      ],
    });
    now = new Date('2021-06-30T09:00:00Z');
    await post(`${c}/typ-relationship/end`, {
      endDate: '2021-06-30',
      reason: 'employment',
      note: `${NAME} found work`,
    });
  });
  afterAll(async () => t?.close());

  it('never stores personal fields in plain text', () => {
    expect(rawFiles()).not.toContain(NAME);
    expect(rawFiles()).not.toContain('010170-999X');
  });

  it('refuses erasure before 4 years have passed since the relationship ended', async () => {
    now = new Date('2025-06-29T09:00:00Z');
    const res = await post(`/admin/clients/${clientId}/erasure`, { ground: 'retention_ended' }, 'admin');
    expect(res.status).toBe(422);
    expect(res.body.rule).toBe('erasure.retention_not_passed');
    const report = await t.http.get('/admin/retention').set(await as('admin'));
    expect(report.body.clients).toEqual([]);
  });

  it("refuses erasure at the client's request while retention runs, unless the register keeper records the legal ground", async () => {
    now = new Date('2025-06-29T09:00:00Z');
    const other = 'te-keski-suomi:client-erasure-2';
    await post('/clients', { clientId: other, fullName: 'Outi Other', birthDate: '1971-01-01', municipality: 'Oulu' });
    const refused = await post(`/admin/clients/${other}/erasure`, { ground: 'client_request' }, 'admin');
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ rule: 'erasure.retention_period_running' });
    expect(JSON.stringify(refused.body)).toContain('legalGround');
    const history = await t.http.get(`/audit/clients/${other}/events`).set(await as('auditor'));
    expect(history.body.events.map((e: { type: string }) => e.type)).toEqual(['ClientRegistered']);
    const erased = await post(
      `/admin/clients/${other}/erasure`,
      { ground: 'client_request', legalGround: 'GDPR art. 17(1)(d): recorded without a basis' },
      'admin',
    );
    expect(erased.status).toBe(201);
    const after = await t.http.get(`/audit/clients/${other}/events`).set(await as('auditor'));
    expect(after.body.events.at(-1)).toMatchObject({
      type: 'ClientDataErased',
      data: { ground: 'client_request', legalGround: 'GDPR art. 17(1)(d): recorded without a basis' },
    });
  });

  it('lists the client in the retention report once 4 years have passed, and erases', async () => {
    now = new Date('2025-06-30T09:00:00Z');
    const proj = await testProjector(t.config);
    await proj.catchUp();
    const report = await t.http.get('/admin/retention').set(await as('admin'));
    expect(report.body.clients).toEqual([
      { clientId, retentionEndedOn: '2025-06-30', basis: 'typ_retention', relationshipId: expect.any(String) },
    ]);
    const res = await post(`/admin/clients/${clientId}/erasure`, { ground: 'retention_ended' }, 'admin');
    expect(res.status).toBe(201);
    // The answer every command gives (position at the top level), plus the outcome.
    expect(res.body).toEqual({
      clientId,
      streamVersion: '4',
      position: expect.stringMatching(/^\d+$/),
      eventIds: [expect.any(String)],
      replayed: false,
      erased: true,
    });
    const again = await post(`/admin/clients/${clientId}/erasure`, { ground: 'retention_ended' }, 'admin');
    expect(again.body).toEqual({ ...res.body, replayed: true });

    const history = await t.http.get(`/audit/clients/${clientId}/events`).set(await as('auditor'));
    const registered = history.body.events.find((e: { type: string }) => e.type === 'ClientRegistered');
    expect(registered.data).toMatchObject({
      fullName: '[erased]',
      personalIdentityCode: '[erased]',
      municipality: 'Rovaniemi',
    });
    const ended = history.body.events.find((e: { type: string }) => e.type === 'TypRelationshipEnded');
    expect(ended.data).toMatchObject({ endDate: '2021-06-30', reason: 'employment', note: '[erased]' });
    expect(history.body.events.at(-1)).toMatchObject({
      type: 'ClientDataErased',
      data: { ground: 'typ_retention_4_years' },
    });

    await proj.catchUp();
    const path = await t.http.get(`${c}/path`).set(await as('auditor'));
    expect(path.body.path.profile).toBeNull();
    expect(JSON.stringify(path.body.path)).not.toContain(NAME);
    expect(path.body.path.status.pastTypRelationships).toEqual([
      expect.objectContaining({ startDate: '2020-01-10', endDate: '2021-06-30', endReason: 'employment' }),
    ]);
    expect((await t.http.get('/admin/retention').set(await as('admin'))).body.clients).toEqual([]);

    // A rebuild from position 0 still works and finds no personal data.
    await proj.projector.rebuild();
    const rebuilt = await t.http.get(`${c}/path`).set(await as('auditor'));
    expect(JSON.stringify(rebuilt.body.path)).not.toContain(NAME);
    expect(rebuilt.body.path.status.pastTypRelationships).toHaveLength(1);
    await proj.close();

    const integrity = await t.http.get(`/audit/integrity?clientId=${clientId}`).set(await as('auditor'));
    expect(integrity.body).toMatchObject({ intact: true });
    // Nothing new is recorded on an erased client.
    expect((await post(`${c}/work-ability-assessments`, { tool: 'vat', assessedOn: '2025-06-30' })).status).toBe(422);
  });
});
