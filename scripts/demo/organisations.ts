import type { Actor, OrganisationRef } from '../../libs/events/index.js';

/** Demo organisations of the seeds' regions (Central Finland, Satakunta, Turku, Lapland). */
export const ORG = {
  teKeskiSuomi: {
    organisationId: 'te-keski-suomi',
    organisationType: 'employment_authority',
    name: 'Jyväskylän seudun työllisyysalue',
  },
  hyvaks: { organisationId: 'hyvaks-sote', organisationType: 'wellbeing_county', name: 'Keski-Suomen hyvinvointialue' },
  kela: { organisationId: 'kela', organisationType: 'kela', name: 'Kela' },
  settlement: {
    organisationId: 'provider-jyvaskyla-settlement',
    organisationType: 'provider',
    name: 'Jyväskylän Setlementti ry',
  },
  teSatakunta: {
    organisationId: 'te-pori',
    organisationType: 'employment_authority',
    name: 'Porin seudun työllisyysalue',
  },
  satasote: { organisationId: 'satasote', organisationType: 'wellbeing_county', name: 'Satakunnan hyvinvointialue' },
  poriWorkshop: {
    organisationId: 'provider-pori-workshop',
    organisationType: 'provider',
    name: 'Porin kaupungin työpaja',
  },
  teTurku: { organisationId: 'te-turku', organisationType: 'employment_authority', name: 'Turun työllisyysalue' },
  varha: { organisationId: 'varha', organisationType: 'wellbeing_county', name: 'Varsinais-Suomen hyvinvointialue' },
} satisfies Record<string, OrganisationRef>;

export const person = (personId: string, displayName: string, org: OrganisationRef): Actor => ({
  personId,
  displayName,
  organisationId: org.organisationId,
  organisationType: org.organisationType,
});

export const PEOPLE = {
  liisa: person('te-liisa-korhonen', 'Liisa Korhonen', ORG.teKeskiSuomi), // TYP officer, employment
  outi: person('te-outi-virtanen', 'Outi Virtanen', ORG.teKeskiSuomi), // takes over from Liisa
  mikko: person('hyvaks-mikko-nieminen', 'Mikko Nieminen', ORG.hyvaks), // social worker
  anna: person('kela-anna-laine', 'Anna Laine', ORG.kela),
  pekka: person('settlement-pekka-heikkinen', 'Pekka Heikkinen', ORG.settlement), // own instructor
  sari: person('te-pori-sari-lehto', 'Sari Lehto', ORG.teSatakunta),
  jari: person('satasote-jari-salo', 'Jari Salo', ORG.satasote),
  tiina: person('pori-tiina-koski', 'Tiina Koski', ORG.poriWorkshop),
  elina: person('te-turku-elina-makinen', 'Elina Mäkinen', ORG.teTurku),
  ville: person('varha-ville-jokinen', 'Ville Jokinen', ORG.varha),
};
