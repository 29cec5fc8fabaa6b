/// <reference types="jest" />
import {
  organisationMatchText,
  type DirectoryOrganisation,
  type NamedOrganisation,
  type OrganisationDirectoryQuery,
} from '../organisation-directory.js';
import type { ReadStore } from '../port.js';
import type { ReadStoreContext } from './context.js';
import { aModel } from './fixture.js';

const seen = (
  organisationId: string,
  organisationType: NamedOrganisation['organisationType'],
  position: bigint,
  name: string | null,
): NamedOrganisation => ({ organisationId, organisationType, position, name, namePosition: name ? position : 0n });

/** Two clients that name some of the same organisations, under different names at different positions. */
const clients = () => [
  aModel('anna', 10n, {
    organisations: [
      seen('te-uusimaa', 'employment_authority', 10n, 'Uudenmaan työllisyysalue'),
      seen('valo-ry', 'provider', 8n, 'Valo ry'),
      seen('kela', 'kela', 9n, null), // only an entry's author: no name
    ],
  }),
  aModel('ben', 20n, {
    organisations: [
      seen('valo-ry', 'provider', 20n, 'Valmennusyhdistys Valo ry'), // renamed later
      seen('hva-itä', 'wellbeing_county', 15n, 'Itä-Uudenmaan hyvinvointialue'),
      seen('pajat-oy', 'provider', 12n, 'Äänekosken Pajat Oy'),
    ],
  }),
];

const page = (store: ReadStore, q: Partial<OrganisationDirectoryQuery> = {}) =>
  store.organisationDirectory({ limit: 100, ...q });
const ids = (rows: DirectoryOrganisation[]) => rows.map((r) => r.organisationId);

export function directoryContract(ctx: ReadStoreContext): void {
  describe('organisation directory', () => {
    it('lists each organisation once, with its latest name and type, in name order', async () => {
      await ctx.store.commitBatch(clients(), 20n);
      expect(await page(ctx.store)).toEqual(
        [
          // sort names: accents and case folded; an organisation without a name sorts by its id
          {
            organisationId: 'hva-itä',
            organisationType: 'wellbeing_county',
            name: 'Itä-Uudenmaan hyvinvointialue',
            sortName: 'ita uudenmaan hyvinvointialue',
          },
          { organisationId: 'kela', organisationType: 'kela', name: null, sortName: 'kela' },
          {
            organisationId: 'pajat-oy',
            organisationType: 'provider',
            name: 'Äänekosken Pajat Oy',
            sortName: 'aanekosken pajat oy',
          },
          {
            organisationId: 'te-uusimaa',
            organisationType: 'employment_authority',
            name: 'Uudenmaan työllisyysalue',
            sortName: 'uudenmaan tyollisyysalue',
          },
          {
            organisationId: 'valo-ry',
            organisationType: 'provider',
            name: 'Valmennusyhdistys Valo ry',
            sortName: 'valmennusyhdistys valo ry',
          },
        ].sort((a, b) => (a.sortName < b.sortName ? -1 : 1)),
      );
    });

    it('keeps the latest name whichever client commits first, and across batches', async () => {
      const [anna, ben] = clients();
      await ctx.store.commitBatch([ben!], 20n); // the later name first
      await ctx.store.commitBatch([anna!], 21n); // the earlier one must not overwrite it
      const valo = (await page(ctx.store, { text: 'valo' }))[0];
      expect(valo?.name).toBe('Valmennusyhdistys Valo ry');
      // a sighting without a name keeps the known one; a later type wins
      await ctx.store.commitBatch(
        [aModel('cai', 30n, { organisations: [seen('valo-ry', 'wellbeing_county', 30n, null)] })],
        30n,
      );
      expect(await page(ctx.store, { text: 'valo' })).toEqual([
        expect.objectContaining({ organisationType: 'wellbeing_county', name: 'Valmennusyhdistys Valo ry' }),
      ]);
    });

    it('finds a fragment of the name or the id, accents and case folded, and filters by type', async () => {
      await ctx.store.commitBatch(clients(), 20n);
      const text = (t: string) => organisationMatchText(t);
      expect(ids(await page(ctx.store, { text: text('UUDENMAAN') }))).toEqual(['hva-itä', 'te-uusimaa']);
      expect(ids(await page(ctx.store, { text: text('ÄÄNEKOSK') }))).toEqual(['pajat-oy']);
      expect(ids(await page(ctx.store, { text: text('te-uusi') }))).toEqual(['te-uusimaa']); // id fragment
      expect(ids(await page(ctx.store, { text: text('ennusyhd') }))).toEqual(['valo-ry']); // inside a word
      expect(ids(await page(ctx.store, { text: text('valo'), type: 'provider' }))).toEqual(['valo-ry']);
      expect(ids(await page(ctx.store, { type: 'provider' }))).toEqual(['pajat-oy', 'valo-ry']);
      expect(await page(ctx.store, { text: text('nobody') })).toEqual([]);
    });

    it('pages by keyset: each page starts after the last row of the previous one', async () => {
      await ctx.store.commitBatch(clients(), 20n);
      const all = await page(ctx.store);
      const first = await page(ctx.store, { limit: 2 });
      expect(first).toEqual(all.slice(0, 2));
      const last = first[first.length - 1]!;
      const second = await page(ctx.store, {
        limit: 2,
        after: { sortName: last.sortName, organisationId: last.organisationId },
      });
      expect(second).toEqual(all.slice(2, 4));
      const end = all[all.length - 1]!;
      expect(await page(ctx.store, { after: { sortName: end.sortName, organisationId: end.organisationId } })).toEqual(
        [],
      );
    });

    it('is emptied by reset, filled again by the next commits, and persists across reopen', async () => {
      await ctx.store.commitBatch(clients(), 20n);
      await ctx.store.reset();
      expect(await page(ctx.store)).toEqual([]);
      await ctx.store.commitBatch([clients()[1]!], 20n);
      const reopened = await ctx.reopen();
      expect(ids(await page(reopened))).toEqual(['pajat-oy', 'hva-itä', 'valo-ry']);
    });
  });
}
