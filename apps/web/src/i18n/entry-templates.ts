/**
 * What each timeline entry says, in Finnish, Swedish and English: one template per event type
 * of the published contract (libs/events; a unit spec keeps the list complete), the facts the
 * API's English `summary` carries. i18next conventions: `_one`/`_other` are plural forms,
 * `_<context>` a variant (`t(type, { context: 'kuty' })`), `{{x}}` the words filled in.
 * Keys are flat: they go into the `entries` namespace as they are.
 */
type Messages = { fi: string; sv: string; en: string };

export const ENTRY_TEMPLATES: Record<string, Messages> = {
  ClientRegistered: {
    fi: 'Asiakas kirjattu ({{municipality}})',
    sv: 'Klienten registrerad ({{municipality}})',
    en: 'Client registered ({{municipality}})',
  },
  ConsentGiven: {
    fi: 'Suostumus annettu: {{dataKinds}}',
    sv: 'Samtycke givet för {{dataKinds}}',
    en: 'Consent given for {{dataKinds}}',
  },
  ConsentLimited: {
    fi: 'Suostumus rajattu: {{dataKinds}}',
    sv: 'Samtycket begränsat till {{dataKinds}}',
    en: 'Consent limited to {{dataKinds}}',
  },
  ConsentWithdrawn: { fi: 'Suostumus peruttu', sv: 'Samtycket återkallat', en: 'Consent withdrawn' },
  TypRelationshipStarted: {
    fi: 'TYP-asiakkuus alkoi, osapuolet: {{parties}}',
    sv: 'TYP-kundrelationen inledd med {{parties}}',
    en: 'TYP relationship started with {{parties}}',
  },
  TypRelationshipEnded: {
    fi: 'TYP-asiakkuus päättyi: {{reason}}',
    sv: 'TYP-kundrelationen avslutad: {{reason}}',
    en: 'TYP relationship ended: {{reason}}',
  },
  ServiceNeedAssessmentRecorded_one: {
    fi: 'Monialainen palvelutarpeen arvio ({{count}} tarve)',
    sv: 'Sektorsövergripande bedömning av servicebehovet ({{count}} behov)',
    en: 'Multi-sectoral service-need assessment ({{count}} need)',
  },
  ServiceNeedAssessmentRecorded_other: {
    fi: 'Monialainen palvelutarpeen arvio ({{count}} tarvetta)',
    sv: 'Sektorsövergripande bedömning av servicebehovet ({{count}} behov)',
    en: 'Multi-sectoral service-need assessment ({{count}} needs)',
  },
  BenefitStatusRecorded: {
    fi: 'Etuustilanne kirjattu: {{benefit}}',
    sv: 'Förmånsläget registrerat: {{benefit}}',
    en: 'Benefit status recorded: {{benefit}}',
  },
  EmploymentPlanAgreed: {
    fi: 'Työllistymissuunnitelma laadittu',
    sv: 'Sysselsättningsplan upprättad',
    en: 'Employment plan agreed',
  },
  ActivationPlanAgreed: {
    fi: 'Aktivointisuunnitelma laadittu',
    sv: 'Aktiveringsplan upprättad',
    en: 'Activation plan agreed',
  },
  ActivationPlanAgreed_kuty: {
    fi: 'Aktivointisuunnitelma laadittu, kuntouttava työtoiminta: {{place}}',
    sv: 'Aktiveringsplan upprättad med arbetsverksamhet i rehabiliteringssyfte vid {{place}}',
    en: 'Activation plan agreed with rehabilitative work activity at {{place}}',
  },
  MultisectoralPlanAgreed: {
    fi: 'Monialainen työllistymissuunnitelma laadittu',
    sv: 'Sektorsövergripande sysselsättningsplan upprättad',
    en: 'Multi-sectoral employment plan agreed',
  },
  MultisectoralPlanAgreed_kuty: {
    fi: 'Monialainen työllistymissuunnitelma laadittu, kuntouttava työtoiminta: {{place}}',
    sv: 'Sektorsövergripande sysselsättningsplan upprättad med arbetsverksamhet i rehabiliteringssyfte vid {{place}}',
    en: 'Multi-sectoral employment plan agreed with rehabilitative work activity at {{place}}',
  },
  PlanReviewed: { fi: 'Suunnitelma tarkistettu', sv: 'Planen granskad', en: 'Plan reviewed' },
  PlanReviewed_client: {
    fi: 'Suunnitelma tarkistettu asiakkaan pyynnöstä',
    sv: 'Planen granskad på klientens begäran',
    en: "Plan reviewed at the client's request",
  },
  PlanReviewed_kuty: {
    fi: 'Suunnitelma tarkistettu; kuntouttavan työtoiminnan tietoja muutettu',
    sv: 'Planen granskad; uppgifterna om arbetsverksamheten ändrade',
    en: 'Plan reviewed; kuty items amended',
  },
  PlanReviewed_client_kuty: {
    fi: 'Suunnitelma tarkistettu asiakkaan pyynnöstä; kuntouttavan työtoiminnan tietoja muutettu',
    sv: 'Planen granskad på klientens begäran; uppgifterna om arbetsverksamheten ändrade',
    en: "Plan reviewed at the client's request; kuty items amended",
  },
  ReferralMade: {
    fi: 'Ohjaus palveluun: {{service}}, {{organisation}}',
    sv: 'Hänvisning till {{service}} hos {{organisation}}',
    en: 'Referral to {{service}} at {{organisation}}',
  },
  ReferralAccepted: { fi: 'Ohjaus hyväksytty', sv: 'Hänvisningen godkänd', en: 'Referral accepted' },
  ReferralDeclined: { fi: 'Ohjaus hylätty', sv: 'Hänvisningen avböjd', en: 'Referral declined' },
  ReferralWithdrawn: { fi: 'Ohjaus peruttu', sv: 'Hänvisningen återkallad', en: 'Referral withdrawn' },
  ServicePeriodStarted: {
    fi: 'Palvelujakso alkoi: {{service}}, {{organisation}}',
    sv: 'Serviceperiod inledd: {{service}} hos {{organisation}}',
    en: '{{Service}} started at {{organisation}}',
  },
  ServicePeriodPaused: { fi: 'Jakso keskeytetty', sv: 'Perioden avbruten', en: 'Period paused' },
  ServicePeriodResumed: {
    fi: 'Jakso jatkuu keskeytyksen jälkeen',
    sv: 'Perioden återupptagen',
    en: 'Period resumed',
  },
  ServicePeriodEnded: {
    fi: 'Jakso päättyi: {{reason}}; jatkopolku: {{continuation}}',
    sv: 'Perioden avslutad: {{reason}}; fortsätter med {{continuation}}',
    en: 'Period ended: {{reason}}; continues with {{continuation}}',
  },
  ServicePeriodChanged: {
    fi: 'Jaksoa muutettu ({{changes}})',
    sv: 'Perioden ändrad ({{changes}})',
    en: 'Period changed ({{changes}})',
  },
  periodChange_days_one: { fi: '{{count}} päivä viikossa', sv: '{{count}} dag i veckan', en: '{{count}} day a week' },
  periodChange_days_other: {
    fi: '{{count}} päivää viikossa',
    sv: '{{count}} dagar i veckan',
    en: '{{count}} days a week',
  },
  periodChange_hours_one: {
    fi: '{{count}} tunti päivässä',
    sv: '{{count}} timme om dagen',
    en: '{{count}} hour a day',
  },
  periodChange_hours_other: {
    fi: '{{count}} tuntia päivässä',
    sv: '{{count}} timmar om dagen',
    en: '{{count}} hours a day',
  },
  periodChange_place: { fi: 'paikka', sv: 'plats', en: 'place' },
  periodChange_end: {
    fi: 'suunniteltu päättymispäivä {{date}}',
    sv: 'planerat slut {{date}}',
    en: 'planned end {{date}}',
  },
  AttendanceReported_one: {
    fi: '{{count}} läsnäolopäivä ilmoitettu',
    sv: '{{count}} närvarodag rapporterad',
    en: '{{count}} attended day reported',
  },
  AttendanceReported_other: {
    fi: '{{count}} läsnäolopäivää ilmoitettu',
    sv: '{{count}} närvarodagar rapporterade',
    en: '{{count}} attended days reported',
  },
  attendanceExceptions: { fi: '; poikkeus: {{rules}}', sv: '; undantag: {{rules}}', en: '; exception: {{rules}}' },
  AbsenceReported_one: {
    fi: '{{count}} poissaolopäivä ilmoitettu ({{reason}})',
    sv: '{{count}} frånvarodag rapporterad ({{reason}})',
    en: '{{count}} absent day reported ({{reason}})',
  },
  AbsenceReported_other: {
    fi: '{{count}} poissaolopäivää ilmoitettu ({{reason}})',
    sv: '{{count}} frånvarodagar rapporterade ({{reason}})',
    en: '{{count}} absent days reported ({{reason}})',
  },
  GoalReviewHeld: { fi: 'Tavoitteiden arviointi pidetty', sv: 'Målbedömning hållen', en: 'Goal review held' },
  GoalReviewHeld_end: { fi: 'Loppuarviointi pidetty', sv: 'Slutbedömning hållen', en: 'End assessment held' },
  WorkAbilityAssessmentRecorded: {
    fi: 'Työkyvyn arviointi: {{tool}}',
    sv: 'Bedömning av arbetsförmågan: {{tool}}',
    en: 'Work-ability assessment: {{tool}}',
  },
  PersonNamed: {
    fi: '{{Role}} nimetty: {{name}}',
    sv: '{{Role}} utsedd: {{name}}',
    en: '{{Role}} named: {{name}}',
  },
  PersonNamed_lead: {
    fi: '{{Role}} nimetty: {{name}} (asiakasvastaava)',
    sv: '{{Role}} utsedd: {{name}} (huvudansvarig)',
    en: '{{Role}} named: {{name}} (lead)',
  },
  PersonReleased: {
    fi: '{{Role}} vapautettu tehtävästä',
    sv: '{{Role}} entledigad',
    en: '{{Role}} released',
  },
  LeadOfficerDesignated: {
    fi: 'Asiakasvastaava nimetty',
    sv: 'Huvudansvarig tjänsteman utsedd',
    en: 'Lead responsible officer designated',
  },
  ResponsibleOfficerAssigned: {
    fi: 'Vastuuvirkailija: {{name}}',
    sv: 'Ansvarig tjänsteman: {{name}}',
    en: 'Responsible officer: {{name}}',
  },
  ResponsibleOfficerReleased: {
    fi: 'Vastuuvirkailija vapautettu tehtävästä',
    sv: 'Ansvarig tjänsteman entledigad',
    en: 'Responsible officer released',
  },
  OwnInstructorAssigned: {
    fi: 'Omaohjaaja: {{name}}',
    sv: 'Egen handledare: {{name}}',
    en: 'Own instructor: {{name}}',
  },
  ClientDataErased: {
    fi: 'Henkilötiedot poistettu ({{ground}})',
    sv: 'Personuppgifterna raderade ({{ground}})',
    en: 'Personal data erased ({{ground}})',
  },
  erasedValue: { fi: '[poistettu]', sv: '[raderad]', en: '[erased]' },
  // the ground the retention rule writes: `<basis>_retention_<years>_years`
  erasureGround_retention: {
    fi: '{{years}} vuoden säilytysaika päättynyt',
    sv: 'lagringstiden på {{years}} år har gått ut',
    en: 'the {{years}}-year retention period ended',
  },
};

/** One language's templates, as an i18next namespace. */
export function entryWords(lang: 'fi' | 'sv' | 'en'): Record<string, string> {
  return Object.fromEntries(Object.entries(ENTRY_TEMPLATES).map(([k, v]) => [k, v[lang]]));
}
