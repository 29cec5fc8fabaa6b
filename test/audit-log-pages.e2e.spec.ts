import { AUDIT_LOG } from '../apps/api/infrastructure/tokens.js';
import type { AuditLog, DisclosureEntry, UsageEntry } from '../libs/audit-log/index.js';
import { startTestApp, type TestApp } from './support/index.js';

/** The usage, disclosure and client's own logs hold more than one page: every entry is reachable, newest first. */
describe('audit logs are paged (e2e)', () => {
  let t: TestApp;
  const clientId = 'te-keski-suomi:log-pages';
  const N = 1_200;
  const at = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString();
  const usage = (i: number): UsageEntry => ({
    at: at(i),
    personId: 'kela-officer-aino',
    organisationId: 'kela',
    role: 'officer',
    clientId,
    view: `path-${i}`,
    purpose: 'benefit decision',
    outcome: 'allowed',
    detail: 'consent:c-1',
    correlationId: `u-${i}`,
  });
  const disclosure = (i: number): DisclosureEntry => ({
    at: at(i),
    clientId,
    fromOrganisationId: 'te-keski-suomi',
    toOrganisationId: 'kela',
    toPersonId: 'kela-officer-aino',
    what: `path: ${i} entries`,
    basis: 'consent:c-1',
    channel: 'api',
    correlationId: `d-${i}`,
  });
  const auditor = async () => ({ ...(await t.authHeader('auditor')), 'X-Purpose': 'audit' });

  /** Follows nextCursor from the first page to the last; returns every page's body. */
  async function allPages(path: string): Promise<Record<string, unknown>[]> {
    const pages: Record<string, unknown>[] = [];
    let after: string | null = null;
    do {
      const res: { status: number; body: Record<string, unknown> & { nextCursor: string | null } } = await t.http
        .get(`${path}${path.includes('?') ? '&' : '?'}${after ? `after=${after}` : ''}`)
        .set(await auditor());
      expect(res.status).toBe(200);
      pages.push(res.body);
      after = res.body.nextCursor;
    } while (after && pages.length < 100);
    return pages;
  }

  beforeAll(async () => {
    t = await startTestApp({ logger: false });
    const log = t.app.get<AuditLog>(AUDIT_LOG);
    // One request each, as the API writes them (group commit packs them).
    await Promise.all(Array.from({ length: N }, (_, i) => log.record([usage(i)], [disclosure(i)])));
  });
  afterAll(async () => t?.close());

  it.each(['usage', 'disclosures'])('/audit/%s reaches every entry, newest first, page by page', async (log) => {
    const first = await t.http.get(`/audit/${log}?clientId=${encodeURIComponent(clientId)}`).set(await auditor());
    expect(first.body.entries).toHaveLength(100); // the default page
    const pages = await allPages(`/audit/${log}?clientId=${encodeURIComponent(clientId)}&limit=500`);
    expect(pages.map((p) => (p.entries as unknown[]).length)).toEqual([500, 500, 200]);
    expect(pages.at(-1)!.nextCursor).toBeNull();
    const correlationIds = pages.flatMap((p) => (p.entries as { correlationId: string }[]).map((e) => e.correlationId));
    const prefix = log === 'usage' ? 'u' : 'd';
    expect(correlationIds).toEqual(Array.from({ length: N }, (_, i) => `${prefix}-${N - 1 - i}`));
  });

  it('filters by time (from inclusive, to exclusive), paged the same way', async () => {
    const pages = await allPages(
      `/audit/usage?clientId=${encodeURIComponent(clientId)}&from=${at(100)}&to=${at(1_150)}&limit=400`,
    );
    const ids = pages.flatMap((p) => (p.entries as { correlationId: string }[]).map((e) => e.correlationId));
    expect(ids).toHaveLength(1_050);
    expect([ids[0], ids.at(-1)]).toEqual(['u-1149', 'u-100']);
  });

  it("pages the client's own access log, both logs under one cursor", async () => {
    const pages = await allPages(`/clients/${encodeURIComponent(clientId)}/access-log?limit=1000&to=${at(N)}`);
    expect(pages).toHaveLength(2);
    expect(pages.map((p) => [(p.usage as unknown[]).length, (p.disclosures as unknown[]).length])).toEqual([
      [1000, 1000],
      [200, 200],
    ]);
    expect((pages[0].usage as { correlationId: string }[])[0].correlationId).toBe(`u-${N - 1}`);
    expect((pages[1].disclosures as { correlationId: string }[]).at(-1)!.correlationId).toBe('d-0');
  });

  it('refuses a cursor it did not give, naming `after`', async () => {
    const res = await t.http.get('/audit/usage?after=bm90LWEtY3Vyc29y').set(await auditor());
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'after', message: expect.any(String) }]);
  });
});
