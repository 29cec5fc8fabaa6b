import type { Actor, OrganisationRef, ProviderKind } from '../../libs/events/index.js';
import { Rng } from './prng.js';

/**
 * The organisations and people of a generated country: one employment area and one
 * wellbeing county per region, Kela, and providers (associations, foundations, city
 * workshops, companies). Sized from the client count so officers' caseloads land in
 * 25–100 and kuty instructors near Pori's ~80.
 */
export type Provider = OrganisationRef & { providerKind: ProviderKind; instructors: Actor[] };

export interface Region {
  index: number;
  name: string;
  municipalities: string[];
  te: OrganisationRef;
  sote: OrganisationRef;
  teOfficers: Actor[];
  soteOfficers: Actor[];
  kelaOfficers: Actor[];
  /** Kuty providers: never companies. */
  kutyProviders: Provider[];
  /** Work trial / pay subsidy employers. */
  companies: Provider[];
  /** Job coaching, social rehabilitation, vocational rehabilitation (bought by Kela). */
  foundations: Provider[];
  college: Provider;
}

export interface World {
  regions: Region[];
  kela: OrganisationRef;
}

const REGION_NAMES: [string, string[]][] = [
  ['Keski-Suomi', ['Jyväskylä', 'Jämsä', 'Äänekoski', 'Laukaa']],
  ['Satakunta', ['Pori', 'Rauma', 'Ulvila', 'Harjavalta']],
  ['Varsinais-Suomi', ['Turku', 'Salo', 'Kaarina', 'Raisio']],
  ['Lappi', ['Rovaniemi', 'Kemi', 'Tornio', 'Sodankylä']],
  ['Keski-Uusimaa', ['Hyvinkää', 'Järvenpää', 'Kerava', 'Tuusula']],
  ['Pirkanmaa', ['Tampere', 'Nokia', 'Ylöjärvi', 'Kangasala']],
  ['Pohjois-Pohjanmaa', ['Oulu', 'Raahe', 'Kempele', 'Ylivieska']],
  ['Pohjois-Savo', ['Kuopio', 'Iisalmi', 'Varkaus', 'Siilinjärvi']],
  ['Helsinki', ['Helsinki']],
  ['Vantaa-Kerava', ['Vantaa', 'Kerava']],
  ['Länsi-Uusimaa', ['Espoo', 'Lohja', 'Kirkkonummi']],
  ['Itä-Uusimaa', ['Porvoo', 'Sipoo', 'Loviisa']],
  ['Kanta-Häme', ['Hämeenlinna', 'Riihimäki', 'Forssa']],
  ['Päijät-Häme', ['Lahti', 'Heinola', 'Orimattila']],
  ['Kymenlaakso', ['Kouvola', 'Kotka', 'Hamina']],
  ['Etelä-Karjala', ['Lappeenranta', 'Imatra']],
  ['Etelä-Savo', ['Mikkeli', 'Savonlinna', 'Pieksämäki']],
  ['Pohjois-Karjala', ['Joensuu', 'Kitee', 'Lieksa']],
  ['Pohjanmaa', ['Vaasa', 'Mustasaari', 'Pietarsaari']],
  ['Etelä-Pohjanmaa', ['Seinäjoki', 'Lapua', 'Kauhava']],
  ['Keski-Pohjanmaa', ['Kokkola', 'Kannus']],
  ['Kainuu', ['Kajaani', 'Sotkamo', 'Kuhmo']],
];

const FIRST = [
  'Liisa',
  'Mikko',
  'Anna',
  'Pekka',
  'Sari',
  'Jari',
  'Tiina',
  'Elina',
  'Ville',
  'Outi',
  'Juha',
  'Minna',
  'Timo',
  'Katja',
  'Markku',
  'Hanna',
  'Antti',
  'Laura',
  'Janne',
  'Riikka',
  'Mika',
  'Heidi',
  'Petri',
  'Satu',
  'Ari',
  'Niina',
  'Kari',
  'Johanna',
];
const LAST = [
  'Korhonen',
  'Nieminen',
  'Laine',
  'Heikkinen',
  'Lehto',
  'Salo',
  'Koski',
  'Mäkinen',
  'Jokinen',
  'Virtanen',
  'Mäkelä',
  'Hämäläinen',
  'Lehtonen',
  'Järvinen',
  'Lehtinen',
  'Saarinen',
  'Niemi',
  'Heinonen',
  'Ahonen',
  'Kinnunen',
  'Turunen',
  'Salminen',
];

export const personName = (rng: Rng) => `${rng.pick(FIRST)} ${rng.pick(LAST)}`;

const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-');

function people(rng: Rng, org: OrganisationRef, prefix: string, n: number): Actor[] {
  return Array.from({ length: n }, (_, i) => ({
    personId: `${prefix}-${String(i + 1).padStart(3, '0')}`,
    displayName: personName(rng),
    organisationId: org.organisationId,
    organisationType: org.organisationType,
  }));
}

function provider(rng: Rng, id: string, name: string, kind: ProviderKind, instructors: number): Provider {
  const ref: OrganisationRef = { organisationId: id, organisationType: 'provider', name };
  return { ...ref, providerKind: kind, instructors: people(rng, ref, id, instructors) };
}

/** Regions for the client count (one per ~4,500 clients, at most the country's 22). */
export const regionCount = (clients: number): number =>
  Math.max(1, Math.min(REGION_NAMES.length, Math.round(clients / 4500)));

export function buildWorld(clients: number, seed: string): World {
  const rng = new Rng(`${seed}/world`);
  const kela: OrganisationRef = { organisationId: 'kela', organisationType: 'kela', name: 'Kela' };
  const n = regionCount(clients);
  const regions: Region[] = [];
  for (let r = 0; r < n; r++) {
    const [name, municipalities] = REGION_NAMES[r];
    const code = slug(name);
    const inRegion = Math.ceil(clients / n);
    const te: OrganisationRef = {
      organisationId: `te-${code}`,
      organisationType: 'employment_authority',
      name: `${name} työllisyysalue`,
    };
    const sote: OrganisationRef = {
      organisationId: `hva-${code}`,
      organisationType: 'wellbeing_county',
      name: `${name} hyvinvointialue`,
    };
    // responsible officers: ~60 clients each (TYP officers ~27 at most in the seeds, but the
    // caseload read model also counts clients between services); split TE / wellbeing county
    const officers = Math.max(2, Math.ceil(inRegion / 60));
    const kutyProviderCount = Math.max(2, Math.ceil(inRegion / 1500));
    // about 40 % of clients are in kuty at a time; one instructor per ~70 of them
    const instructorsEach = Math.max(1, Math.ceil((inRegion * 0.4) / 70 / kutyProviderCount));
    const kutyKinds: ProviderKind[] = ['association', 'municipality', 'foundation', 'religious_community'];
    const kutyProviders = Array.from({ length: kutyProviderCount }, (_, i) => {
      const kind = kutyKinds[i % kutyKinds.length];
      const town = municipalities[i % municipalities.length];
      const label = {
        association: `${town}n Setlementti ry`,
        municipality: `${town}n kaupungin työpaja`,
        foundation: `${town}n Työvalmennussäätiö`,
        religious_community: `${town}n seurakunnan työtoiminta`,
        public_body: town,
        company: town,
      }[kind];
      return provider(rng, `prov-${code}-${slug(kind)}-${i + 1}`, label, kind, instructorsEach);
    });
    const companies = Array.from({ length: Math.max(2, Math.ceil(inRegion / 1000)) }, (_, i) =>
      provider(
        rng,
        `comp-${code}-${i + 1}`,
        `${municipalities[i % municipalities.length]} ${rng.pick(['Logistiikka', 'Kiinteistöpalvelu', 'Rakennus', 'Kauppa', 'Ravintolat'])} Oy`,
        'company',
        2,
      ),
    );
    const foundations = Array.from({ length: Math.max(1, Math.ceil(inRegion / 3000)) }, (_, i) =>
      provider(
        rng,
        `found-${code}-${i + 1}`,
        `${name} Kuntoutussäätiö ${i + 1}`,
        'foundation',
        Math.max(2, Math.ceil(inRegion / 3000)),
      ),
    );
    regions.push({
      index: r,
      name,
      municipalities,
      te,
      sote,
      teOfficers: people(rng, te, `te-${code}`, Math.ceil(officers / 2)),
      soteOfficers: people(rng, sote, `hva-${code}`, Math.ceil(officers / 2)),
      kelaOfficers: people(rng, kela, `kela-${code}`, Math.max(1, Math.ceil(inRegion / 2000))),
      kutyProviders,
      companies,
      foundations,
      college: provider(rng, `college-${code}`, `${name} ammattiopisto`, 'public_body', 2),
    });
  }
  return { regions, kela };
}
