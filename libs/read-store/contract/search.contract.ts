/// <reference types="jest" />
import type { ClientSearchQuery, ClientSearchRow, ClientSearchTerm, SearchViewer } from '../client-search.js';
import { searchNameWords } from '../client-search.js';
import type { ReadStoreContext } from './context.js';
import { aModel } from './fixture.js';

const FOREVER = '9999-12-31';
const row = (clientId: string, o: Partial<ClientSearchRow>): ClientSearchRow => ({
  clientId,
  identityCode: null,
  fullName: null,
  birthDate: null,
  municipality: null,
  nameWords: [],
  holders: [],
  identityViewers: [],
  ...o,
});
const named = (clientId: string, fullName: string, identityCode: string, o: Partial<ClientSearchRow>) =>
  row(clientId, {
    fullName,
    identityCode,
    birthDate: '1990-01-01',
    municipality: 'Pori',
    nameWords: searchNameWords(fullName),
    ...o,
  });
const org = (organisationId: string) => ({ organisationId, personId: null });

/** Clients of org-a, of org-b, one erased, one whose identity its holder may not see. */
const clients = (): ClientSearchRow[] => [
  named('anna', 'Anna-Liisa Äärelä', '010190-123A', {
    holders: [org('org-a'), org('org-b')],
    identityViewers: [
      { organisationId: 'org-a', until: FOREVER },
      { organisationId: 'org-b', until: '2025-06-30' },
    ], // org-b by consent
  }),
  named('ben', 'Ben Äärelä', '020285-456B', {
    holders: [org('org-a'), { organisationId: null, personId: 'officer-9' }],
    identityViewers: [
      { organisationId: 'org-a', until: FOREVER },
      { organisationId: 'org-x', until: FOREVER },
    ],
  }),
  named('cai', 'Cai Anders', '030375-789C', {
    holders: [org('org-b')],
    identityViewers: [{ organisationId: 'org-b', until: FOREVER }],
  }),
  row('dan', { holders: [org('org-a')], identityViewers: [{ organisationId: 'org-a', until: FOREVER }] }), // erased
  named('eve', 'Eve Aaltonen', '040480-111D', { holders: [org('org-c')] }),
];

const of = (organisationId: string, personId = 'someone'): SearchViewer => ({
  everyone: false,
  organisationId,
  personId,
});
const byName = (text: string, clientId = text): ClientSearchTerm => ({
  kind: 'name_or_client_id',
  words: searchNameWords(text),
  clientId,
});
const byCode = (identityCode: string): ClientSearchTerm => ({ kind: 'identity_code', identityCode });

export function searchContract(ctx: ReadStoreContext): void {
  describe('searchClients', () => {
    beforeEach(async () => {
      await ctx.store.commitBatch(
        clients().map((search) => aModel(search.clientId, 5n, { search })),
        5n,
      );
    });
    const search = async (term: ClientSearchTerm, viewer: SearchViewer, o: Partial<ClientSearchQuery> = {}) =>
      (await ctx.store.searchClients({ term, viewer, today: '2025-06-01', limit: 10, ...o })).map((h) => h.clientId);

    it('finds by name prefixes, accents and case folded, in name order, with the fields to show', async () => {
      expect(
        await ctx.store.searchClients({ term: byName('ÄÄR'), viewer: of('org-a'), today: '2025-06-01', limit: 10 }),
      ).toEqual([
        {
          clientId: 'anna',
          fullName: 'Anna-Liisa Äärelä',
          birthDate: '1990-01-01',
          municipality: 'Pori',
          sortName: 'anna liisa aarela',
        },
        {
          clientId: 'ben',
          fullName: 'Ben Äärelä',
          birthDate: '1990-01-01',
          municipality: 'Pori',
          sortName: 'ben aarela',
        },
      ]);
      expect(await search(byName('liisa'), of('org-a'))).toEqual(['anna']);
    });

    it('needs every word to begin some word of the name', async () => {
      expect(await search(byName('aar li'), of('org-a'))).toEqual(['anna']);
      expect(await search(byName('ben aarela'), of('org-a'))).toEqual(['ben']);
      expect(await search(byName('aar x'), of('org-a'))).toEqual([]);
      expect(await search(byName('arela'), of('org-a'))).toEqual([]); // a prefix, not any substring
    });

    it('finds by exact identity code and by exact client id', async () => {
      expect(await search(byCode('010190-123A'), of('org-a'))).toEqual(['anna']);
      expect(await search(byCode('010190-123B'), of('org-a'))).toEqual([]);
      expect(await search(byName('ben'), of('org-a'))).toEqual(['ben']);
      expect(await search(byName('zzz', 'cai'), of('org-b'))).toEqual(['cai']);
    });

    it('never finds a client no holder admits the viewer to, by any term', async () => {
      expect(await search(byName('cai'), of('org-a'))).toEqual([]);
      expect(await search(byName('anders'), of('org-a'))).toEqual([]);
      expect(await search(byCode('030375-789C'), of('org-a'))).toEqual([]);
      expect(await search(byName('aar'), of('org-z'))).toEqual([]);
    });

    it('admits a person named on the client, wherever they work', async () => {
      expect(await search(byName('aar'), of('org-x', 'officer-9'))).toEqual(['ben']);
      expect(await search(byName('aar'), of('org-x', 'officer-8'))).toEqual([]);
    });

    it('matches a name or identity code only while the viewer may see the identity; the id alone shows no name', async () => {
      expect(await search(byName('aar'), of('org-b'), { today: '2025-06-30' })).toEqual(['anna']);
      expect(await search(byName('aar'), of('org-b'), { today: '2025-07-01' })).toEqual([]);
      expect(await search(byCode('010190-123A'), of('org-b'), { today: '2025-07-01' })).toEqual([]);
      expect(
        await ctx.store.searchClients({ term: byName('anna'), viewer: of('org-b'), today: '2025-07-01', limit: 10 }),
      ).toEqual([{ clientId: 'anna', fullName: null, birthDate: null, municipality: null, sortName: '' }]);
      expect(await search(byName('eve'), of('org-c'))).toEqual(['eve']);
      expect(await search(byName('aaltonen'), of('org-c'))).toEqual([]);
    });

    it('finds an erased client by its id alone, without personal fields', async () => {
      expect(
        await ctx.store.searchClients({ term: byName('dan'), viewer: of('org-a'), today: '2025-06-01', limit: 10 }),
      ).toEqual([{ clientId: 'dan', fullName: null, birthDate: null, municipality: null, sortName: '' }]);
    });

    it('shows an auditor every client', async () => {
      const everyone: SearchViewer = { everyone: true };
      expect(await search(byName('a'), everyone)).toEqual(['anna', 'ben', 'cai', 'eve']);
      expect(await search(byCode('030375-789C'), everyone)).toEqual(['cai']);
    });

    it('pages: limit, then the hits after the last one seen', async () => {
      const page = (after?: { sortName: string; clientId: string }) =>
        ctx.store.searchClients({ term: byName('a'), viewer: of('org-a'), today: '2025-06-01', limit: 1, after });
      const [first] = await page();
      expect(first!.clientId).toBe('anna');
      const [second] = await page(first);
      expect(second!.clientId).toBe('ben');
      expect(await page(second)).toEqual([]);
      // an id-only hit sorts first ('' order key), and its cursor carries no name
      const dan = await ctx.store.searchClients({
        term: byName('dan'),
        viewer: of('org-a'),
        today: '2025-06-01',
        limit: 1,
      });
      expect(
        await ctx.store.searchClients({
          term: byName('dan'),
          viewer: of('org-a'),
          today: '2025-06-01',
          limit: 1,
          after: dan[0],
        }),
      ).toEqual([]);
    });

    it("replaces a client's search row on its next commit; reset removes them all", async () => {
      await ctx.store.commitBatch([aModel('anna', 6n, { search: row('anna', { holders: [org('org-a')] }) })], 6n);
      expect(await search(byName('liisa'), of('org-a'))).toEqual([]);
      expect(await search(byCode('010190-123A'), of('org-a'))).toEqual([]);
      expect(await search(byName('anna'), of('org-a'))).toEqual(['anna']);
      expect(await search(byName('anna'), of('org-b'))).toEqual([]);
      await ctx.store.commitBatch([aModel('anna', 7n)], 7n);
      expect(await search(byName('anna'), of('org-a'))).toEqual([]);
      await ctx.store.reset();
      expect(await search(byName('a'), { everyone: true })).toEqual([]);
    });
  });
}
