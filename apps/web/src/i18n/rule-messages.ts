/**
 * A message for every rule code the API can answer with 422 (the codes of `ensure(...)` and
 * `RuleViolationError` in libs/domain; a unit spec keeps this list complete), in Finnish,
 * Swedish and English. A code missing here falls back to the server's own `detail`.
 */
type Messages = { fi: string; sv: string; en: string };

export const RULE_MESSAGES: Record<string, Messages> = {
  'absence.no_dates': {
    fi: 'Anna vähintään yksi poissaolopäivä.',
    sv: 'Ange minst en frånvarodag.',
    en: 'Give at least one absent day.',
  },
  'client.birth_date_implausible': {
    fi: 'Syntymäaika on epäuskottava (yli 120 vuotta).',
    sv: 'Födelsedatumet är osannolikt (över 120 år).',
    en: 'The birth date is implausible (over 120 years).',
  },
  'client.id_outside_organisation_namespace': {
    fi: 'Asiakastunnuksen on alettava oman organisaation tunnisteella (organisaatio:tunnus).',
    sv: 'Klient-id måste börja med den egna organisationens id (organisation:id).',
    en: "The client id must start with your organisation's id (organisation:id).",
  },
  'erasure.retention_period_running': {
    fi: 'Säilytysaika on kesken: poisto asiakkaan pyynnöstä vaatii rekisterinpitäjän kirjaaman oikeusperusteen.',
    sv: 'Lagringstiden pågår: radering på klientens begäran kräver en rättslig grund som den registeransvarige antecknar.',
    en: "A retention period is running: erasure at the client's request needs the legal ground the register keeper records.",
  },
  'goal_review.after_period_end': {
    fi: 'Jakso on päättynyt: sen jälkeen voi kirjata vain loppuarvioinnin.',
    sv: 'Perioden har avslutats: därefter kan endast slutbedömningen registreras.',
    en: 'The period has ended: only the end assessment can follow.',
  },
  'goal_review.end_assessment_held': {
    fi: 'Loppuarviointi on jo kirjattu.',
    sv: 'Slutbedömningen är redan registrerad.',
    en: 'The end assessment is already recorded.',
  },
  'goal_review.instructor_not_on_record': {
    fi: 'Omaohjaaja ei ole tämän jakson omaohjaaja arviointipäivänä.',
    sv: 'Den egna handledaren är inte periodens egna handledare på bedömningsdagen.',
    en: "The own instructor is not the period's own instructor on the review date.",
  },
  'goal_review.officer_not_on_record': {
    fi: 'Vastuuvirkailija tai omatyöntekijä ei ole nimettynä asiakkaalle arviointipäivänä.',
    sv: 'Den ansvariga tjänstemannen eller egna arbetstagaren är inte utsedd för klienten på bedömningsdagen.',
    en: 'The responsible officer or named worker is not named on the client on the review date.',
  },
  'kuty.activation_plan_lapsed': {
    fi: 'Aktivointisuunnitelma on laadittu ennen lakimuutosta ja oli voimassa vain uusimiseensa asti.',
    sv: 'Aktiveringsplanen gjordes före lagändringen och gällde bara tills den förnyades.',
    en: 'The activation plan predates the amendment and was valid only until its renewal.',
  },
  'kuty.assessment_before_start': {
    fi: 'Arviointipäivä on ennen suunniteltua alkua.',
    sv: 'Bedömningsdagen ligger före den planerade starten.',
    en: 'The assessment date is before the planned start.',
  },
  'kuty.plan_kind': {
    fi: 'Kuntouttava työtoiminta perustuu aktivointisuunnitelmaan tai monialaiseen työllistymissuunnitelmaan.',
    sv: 'Arbetsverksamhet i rehabiliteringssyfte grundar sig på aktiveringsplanen eller den sektorsövergripande planen.',
    en: 'Rehabilitative work activity rests on the activation plan or the multi-sectoral plan.',
  },
  'kuty.plan_missing': {
    fi: 'Kuntouttava työtoiminta edellyttää aktivointisuunnitelmaa tai monialaista työllistymissuunnitelmaa.',
    sv: 'Arbetsverksamhet i rehabiliteringssyfte förutsätter en aktiveringsplan eller en sektorsövergripande plan.',
    en: 'Rehabilitative work activity needs an activation plan or a multi-sectoral plan.',
  },
  'person.already_lead': {
    fi: 'Henkilö on jo asiakasvastaava.',
    sv: 'Personen är redan klientansvarig.',
    en: 'The person is already the lead responsible officer.',
  },
  'person.already_named': {
    fi: 'Henkilö on jo nimetty tähän rooliin.',
    sv: 'Personen är redan utsedd i denna roll.',
    en: 'The person is already named in this role.',
  },
  'person.ambiguous': {
    fi: 'Henkilö on nimetty rooliin useammin kuin kerran: anna organisaatio (ja jakso).',
    sv: 'Personen är utsedd i rollen flera gånger: ange organisationen (och perioden).',
    en: 'The person is named in that role more than once: give the organisation (and period).',
  },
  'person.lead_not_named': {
    fi: 'Asiakasvastaavan on oltava nimetty vastuuvirkailija tai omatyöntekijä.',
    sv: 'Den klientansvariga måste vara utsedd ansvarig tjänsteman eller egen arbetstagare.',
    en: 'The lead must be a named responsible officer or named worker.',
  },
  'person.lead_role': {
    fi: 'Asiakasvastaava on vastuuvirkailija tai omatyöntekijä.',
    sv: 'Den klientansvariga är en ansvarig tjänsteman eller en egen arbetstagare.',
    en: 'The lead is a responsible officer or a named worker.',
  },
  'person.not_named': {
    fi: 'Henkilöä ei ole nimetty asiakkaalle tässä roolissa.',
    sv: 'Personen är inte utsedd för klienten i denna roll.',
    en: 'That person is not named on the client in that role.',
  },
  'person.own_instructor_of_provider': {
    fi: 'Omaohjaaja on jakson palveluntuottajan henkilö.',
    sv: 'Den egna handledaren hör till periodens serviceproducent.',
    en: "The own instructor is the period's provider's person.",
  },
  'person.period_only_for_instructor': {
    fi: 'Vain omaohjaaja nimetään jaksolle.',
    sv: 'Endast den egna handledaren utses för en period.',
    en: 'Only an own instructor is named on a period.',
  },
  'person.period_required': {
    fi: 'Omaohjaaja nimetään palvelujaksolle: valitse jakso.',
    sv: 'Den egna handledaren utses för en serviceperiod: välj perioden.',
    en: 'An own instructor is named on a service period: choose the period.',
  },
  'person.release_before_naming': {
    fi: 'Vapautus ei voi edeltää nimeämistä.',
    sv: 'Frigörandet kan inte föregå utnämningen.',
    en: 'The release cannot predate the naming.',
  },
  'person.release_by_own_organisation': {
    fi: 'Organisaatio voi vapauttaa vain nimeämänsä henkilöt.',
    sv: 'En organisation kan bara frigöra de personer den har utsett.',
    en: 'An organisation releases only the people it named.',
  },
  'plan_review.kuty_on_employment_plan': {
    fi: 'Kuntouttavan työtoiminnan tiedot kuuluvat aktivointi- tai monialaiseen suunnitelmaan.',
    sv: 'Uppgifterna om arbetsverksamheten hör till aktiverings- eller den sektorsövergripande planen.',
    en: 'Kuty items live in the activation or the multi-sectoral plan.',
  },
  'service_period.change_empty': {
    fi: 'Anna muuttuvat päivät, tunnit, paikka tai päättymispäivä.',
    sv: 'Ange de dagar, timmar, den plats eller det slutdatum som ändras.',
    en: 'Give the days, hours, place or planned end that change.',
  },
  'service_period.change_needs_plan_review': {
    fi: 'Muutos edellyttää, että suunnitelma on tarkistettu tai muutettu sen mukaiseksi.',
    sv: 'Ändringen förutsätter att planen har granskats eller ändrats i enlighet med den.',
    en: 'The plan must be reviewed or amended to carry the change.',
  },
  'service_period.pause_over_attendance': {
    fi: 'Keskeytys ei voi kattaa jo kirjattuja läsnäolopäiviä.',
    sv: 'Avbrottet kan inte omfatta redan registrerade närvarodagar.',
    en: 'A pause cannot cover days already reported.',
  },
  'service_period.plan_days_per_week': {
    fi: 'Suunnitelma sallii vähemmän päiviä viikossa.',
    sv: 'Planen tillåter färre dagar i veckan.',
    en: 'The plan allows fewer days a week.',
  },
  'service_period.plan_hours_per_day': {
    fi: 'Suunnitelma sallii vähemmän tunteja päivässä.',
    sv: 'Planen tillåter färre timmar per dag.',
    en: 'The plan allows fewer hours a day.',
  },
  'service_period.plan_length': {
    fi: 'Suunniteltu päättymispäivä ylittää suunnitelman keston.',
    sv: 'Det planerade slutdatumet överskrider planens längd.',
    en: "The planned end goes past the plan's length.",
  },
  'service_period.plan_place': {
    fi: 'Suunnitelmassa on eri toimintapaikka.',
    sv: 'Planen anger en annan plats.',
    en: 'The plan names another place.',
  },
  'service_period.plan_provider': {
    fi: 'Suunnitelmassa on eri palveluntuottaja.',
    sv: 'Planen anger en annan serviceproducent.',
    en: 'The plan names another provider.',
  },
  'service_period.plan_start': {
    fi: 'Alkamispäivä poikkeaa suunnitelmasta enemmän kuin sallitaan.',
    sv: 'Startdatumet avviker mer än tillåtet från planen.',
    en: 'The start differs from the plan by more than allowed.',
  },
  'activation_plan.author': {
    fi: 'Aktivointisuunnitelman laatii hyvinvointialue tai työllisyysviranomainen.',
    sv: 'Aktiveringsplanen görs av välfärdsområdet eller arbetskraftsmyndigheten.',
    en: 'An activation plan is made by the wellbeing county or the employment authority.',
  },
  'activation_plan.benefit_status_missing': {
    fi: 'Asiakkaan etuustilanne puuttuu: kirjaa se ennen aktivointisuunnitelmaa.',
    sv: 'Klientens förmånsstatus saknas: registrera den före aktiveringsplanen.',
    en: "The client's benefit status is missing: record it before the activation plan.",
  },
  'activation_plan.birth_date_missing': {
    fi: 'Asiakkaan syntymäaika puuttuu.',
    sv: 'Klientens födelsedatum saknas.',
    en: "The client's birth date is missing.",
  },
  'activation_plan.eligibility': {
    fi: 'Asiakas ei täytä aktivointisuunnitelman edellytyksiä.',
    sv: 'Klienten uppfyller inte villkoren för en aktiveringsplan.',
    en: 'The client does not meet the conditions for an activation plan.',
  },
  'activation_plan.requires_employment_plan': {
    fi: 'Aktivointisuunnitelma edellyttää voimassa olevaa työllistymissuunnitelmaa.',
    sv: 'En aktiveringsplan förutsätter en gällande sysselsättningsplan.',
    en: 'An activation plan needs a valid employment plan.',
  },
  'attendance.duplicate_date': {
    fi: 'Päivä on jo kirjattu läsnäolopäiväksi.',
    sv: 'Dagen är redan registrerad som närvarodag.',
    en: 'This day is already recorded as attended.',
  },
  'attendance.no_dates': {
    fi: 'Anna vähintään yksi läsnäolopäivä.',
    sv: 'Ange minst en närvarodag.',
    en: 'Give at least one attended day.',
  },
  'attendance.outside_period': {
    fi: 'Läsnäolopäivä on jakson ulkopuolella.',
    sv: 'Närvarodagen ligger utanför perioden.',
    en: 'The attended day is outside the period.',
  },
  'attendance.while_paused': {
    fi: 'Jakso on keskeytetty tuona päivänä.',
    sv: 'Perioden är avbruten den dagen.',
    en: 'The period is paused on that day.',
  },
  'benefit_status.inconsistent': {
    fi: 'Etuustiedot ovat keskenään ristiriitaiset.',
    sv: 'Förmånsuppgifterna är motstridiga.',
    en: 'The benefit figures contradict each other.',
  },
  'client.already_registered': {
    fi: 'Asiakas on jo rekisteröity.',
    sv: 'Klienten är redan registrerad.',
    en: 'The client is already registered.',
  },
  'client.erased': {
    fi: 'Asiakkaan henkilötiedot on poistettu.',
    sv: 'Klientens personuppgifter har raderats.',
    en: "The client's personal data has been erased.",
  },
  'consent.already_withdrawn': {
    fi: 'Suostumus on jo peruttu.',
    sv: 'Samtycket har redan återkallats.',
    en: 'The consent is already withdrawn.',
  },
  'consent.duplicate_id': {
    fi: 'Samalla tunnisteella on jo suostumus.',
    sv: 'Det finns redan ett samtycke med samma id.',
    en: 'A consent with this id already exists.',
  },
  'consent.expired': { fi: 'Suostumus on vanhentunut.', sv: 'Samtycket har gått ut.', en: 'The consent has expired.' },
  'date.in_future': {
    fi: 'Päivämäärä ei voi olla tulevaisuudessa.',
    sv: 'Datumet kan inte ligga i framtiden.',
    en: 'The date cannot be in the future.',
  },
  'employment_plan.author': {
    fi: 'Työllistymissuunnitelman laatii työllisyysviranomainen.',
    sv: 'Sysselsättningsplanen görs av arbetskraftsmyndigheten.',
    en: 'An employment plan is made by the employment authority.',
  },
  'erasure.already_erased': {
    fi: 'Henkilötiedot on jo poistettu.',
    sv: 'Personuppgifterna har redan raderats.',
    en: 'The personal data is already erased.',
  },
  'erasure.retention_not_passed': {
    fi: 'Säilytysaika ei ole vielä päättynyt.',
    sv: 'Lagringstiden har inte gått ut.',
    en: 'The retention period has not passed yet.',
  },
  'erasure.typ_relationship_active': {
    fi: 'TYP-asiakkuus on yhä voimassa.',
    sv: 'TYP-kundrelationen pågår fortfarande.',
    en: 'The TYP relationship is still active.',
  },
  'goal_review.participants': {
    fi: 'Tavoitteiden arviointiin osallistuvat asiakas, vastuuvirkailija ja omaohjaaja.',
    sv: 'I målbedömningen deltar klienten, den ansvariga tjänstemannen och den egna handledaren.',
    en: 'The client, the responsible officer and the own instructor take part in the goal review.',
  },
  'kuty.plan_items_missing': {
    fi: 'Aktivointisuunnitelmasta puuttuvat kuntouttavan työtoiminnan tiedot.',
    sv: 'Aktiveringsplanen saknar uppgifterna om arbetsverksamheten.',
    en: 'The activation plan lacks the rehabilitative work activity items.',
  },
  'multisectoral_plan.before_typ_start': {
    fi: 'Monialainen suunnitelma ei voi edeltää TYP-asiakkuuden alkua.',
    sv: 'Den sektorsövergripande planen kan inte föregå TYP-kundrelationens början.',
    en: 'The multisectoral plan cannot precede the start of the TYP relationship.',
  },
  'multisectoral_plan.client_approval': {
    fi: 'Asiakkaan on hyväksyttävä monialainen suunnitelma.',
    sv: 'Klienten ska godkänna den sektorsövergripande planen.',
    en: 'The client must approve the multisectoral plan.',
  },
  'multisectoral_plan.kela_party': {
    fi: 'Kelan on oltava suunnitelman osapuoli.',
    sv: 'FPA ska vara part i planen.',
    en: 'Kela must be a party to the plan.',
  },
  'multisectoral_plan.parties': {
    fi: 'Suunnitelman osapuolet eivät vastaa TYP-asiakkuuden osapuolia.',
    sv: 'Planens parter motsvarar inte TYP-kundrelationens parter.',
    en: "The plan's parties do not match the TYP relationship's parties.",
  },
  'multisectoral_plan.requires_typ_relationship': {
    fi: 'Monialainen suunnitelma edellyttää voimassa olevaa TYP-asiakkuutta.',
    sv: 'En sektorsövergripande plan förutsätter en pågående TYP-kundrelation.',
    en: 'A multisectoral plan needs an active TYP relationship.',
  },
  'plan_review.before_agreement': {
    fi: 'Tarkistus ei voi edeltää suunnitelman laatimista.',
    sv: 'Granskningen kan inte föregå planens tillkomst.',
    en: 'The review cannot precede the plan.',
  },
  'referral.already_accepted': {
    fi: 'Lähete on jo hyväksytty.',
    sv: 'Remissen har redan godkänts.',
    en: 'The referral is already accepted.',
  },
  'referral.already_declined': {
    fi: 'Lähete on jo hylätty.',
    sv: 'Remissen har redan avböjts.',
    en: 'The referral is already declined.',
  },
  'referral.already_withdrawn': {
    fi: 'Lähete on jo peruttu.',
    sv: 'Remissen har redan återkallats.',
    en: 'The referral is already withdrawn.',
  },
  'referral.answer_before_referral': {
    fi: 'Vastaus ei voi edeltää lähetettä.',
    sv: 'Svaret kan inte föregå remissen.',
    en: 'The answer cannot precede the referral.',
  },
  'referral.not_recipient': {
    fi: 'Vain lähetteen vastaanottaja voi vastata siihen.',
    sv: 'Endast remissens mottagare kan svara på den.',
    en: 'Only the recipient of the referral may answer it.',
  },
  'referral.not_referrer': {
    fi: 'Vain lähettäjä voi perua lähetteen.',
    sv: 'Endast avsändaren kan återkalla remissen.',
    en: 'Only the referrer may withdraw the referral.',
  },
  'referral.to_self': {
    fi: 'Organisaatio ei voi lähettää asiakasta itselleen.',
    sv: 'En organisation kan inte remittera till sig själv.',
    en: 'An organisation cannot refer to itself.',
  },
  'service_need_assessment.before_typ_start': {
    fi: 'Palvelutarpeen arvio ei voi edeltää TYP-asiakkuuden alkua.',
    sv: 'Bedömningen av servicebehovet kan inte föregå TYP-kundrelationens början.',
    en: 'The service need assessment cannot precede the start of the TYP relationship.',
  },
  'service_need_assessment.requires_typ_relationship': {
    fi: 'Palvelutarpeen arvio edellyttää TYP-asiakkuutta.',
    sv: 'Bedömningen av servicebehovet förutsätter en TYP-kundrelation.',
    en: 'A service need assessment needs a TYP relationship.',
  },
  'service_period.already_ended': {
    fi: 'Jakso on jo päättynyt.',
    sv: 'Perioden har redan avslutats.',
    en: 'The period has already ended.',
  },
  'service_period.date_before_start': {
    fi: 'Päivämäärä on ennen jakson alkua.',
    sv: 'Datumet ligger före periodens början.',
    en: 'The date is before the start of the period.',
  },
  'service_period.days_per_week': {
    fi: 'Päiviä viikossa on oltava palvelun sallimissa rajoissa (kuntouttava työtoiminta 1–4).',
    sv: 'Dagar per vecka ska ligga inom tjänstens gränser (arbetsverksamhet 1–4).',
    en: "Days per week must be within the service's limits (rehabilitative work activity 1–4).",
  },
  'service_period.duplicate_id': {
    fi: 'Samalla tunnisteella on jo jakso.',
    sv: 'Det finns redan en period med samma id.',
    en: 'A period with this id already exists.',
  },
  'service_period.end_before_attendance': {
    fi: 'Jakso ei voi päättyä ennen viimeistä läsnäolopäivää.',
    sv: 'Perioden kan inte sluta före den sista närvarodagen.',
    en: 'The period cannot end before its last attended day.',
  },
  'service_period.end_before_start': {
    fi: 'Loppupäivä on ennen alkupäivää.',
    sv: 'Slutdatumet ligger före startdatumet.',
    en: 'The end date is before the start date.',
  },
  'service_period.ended': { fi: 'Jakso on päättynyt.', sv: 'Perioden har avslutats.', en: 'The period has ended.' },
  'service_period.forbidden_provider_kind': {
    fi: 'Tämän palvelun järjestäjä ei voi olla tämänlainen toimija (esim. yritys kuntouttavassa työtoiminnassa).',
    sv: 'Tjänsten får inte ordnas av en aktör av detta slag (t.ex. ett företag i arbetsverksamhet).',
    en: 'This kind of provider may not run the service (e.g. a company for rehabilitative work activity).',
  },
  'service_period.hours_per_day': {
    fi: 'Tunteja päivässä on oltava palvelun sallimissa rajoissa (kuntouttava työtoiminta 4–8).',
    sv: 'Timmar per dag ska ligga inom tjänstens gränser (arbetsverksamhet 4–8).',
    en: "Hours per day must be within the service's limits (rehabilitative work activity 4–8).",
  },
  'service_period.hours_per_week': {
    fi: 'Viikkotunnit ylittävät sallitun enimmäismäärän.',
    sv: 'Timmarna per vecka överskrider det tillåtna.',
    en: 'The hours per week exceed the limit.',
  },
  'service_period.max_length': {
    fi: 'Jakso ylittää palvelun enimmäiskeston.',
    sv: 'Perioden överskrider tjänstens längsta tid.',
    en: "The period exceeds the service's maximum length.",
  },
  'service_period.min_length': {
    fi: 'Jakso alittaa palvelun vähimmäiskeston.',
    sv: 'Perioden är kortare än tjänstens minsta tid.',
    en: "The period is shorter than the service's minimum length.",
  },
  'service_period.not_active': {
    fi: 'Jakso ei ole käynnissä.',
    sv: 'Perioden pågår inte.',
    en: 'The period is not active.',
  },
  'service_period.not_paused': {
    fi: 'Jakso ei ole keskeytetty.',
    sv: 'Perioden är inte avbruten.',
    en: 'The period is not paused.',
  },
  'service_period.one_active_at_a_time': {
    fi: 'Asiakkaalla voi olla vain yksi käynnissä oleva jakso tätä palvelua.',
    sv: 'Klienten kan ha endast en pågående period av denna tjänst.',
    en: 'The client can have only one active period of this service.',
  },
  'service_period.referral_not_accepted': {
    fi: 'Jakso edellyttää hyväksyttyä lähetettä.',
    sv: 'Perioden förutsätter en godkänd remiss.',
    en: 'The period needs an accepted referral.',
  },
  'service_period.resume_before_pause': {
    fi: 'Jatkaminen ei voi edeltää keskeytystä.',
    sv: 'Återupptagandet kan inte föregå avbrottet.',
    en: 'The resumption cannot precede the pause.',
  },
  'service_type.unknown': { fi: 'Tuntematon palvelu.', sv: 'Okänd tjänst.', en: 'Unknown service type.' },
  'typ_relationship.actor_not_party': {
    fi: 'Organisaatiosi ei ole TYP-asiakkuuden osapuoli.',
    sv: 'Din organisation är inte part i TYP-kundrelationen.',
    en: 'Your organisation is not a party to the TYP relationship.',
  },
  'typ_relationship.already_active': {
    fi: 'TYP-asiakkuus on jo voimassa.',
    sv: 'TYP-kundrelationen pågår redan.',
    en: 'The TYP relationship is already active.',
  },
  'typ_relationship.end_before_start': {
    fi: 'Loppupäivä on ennen TYP-asiakkuuden alkua.',
    sv: 'Slutdatumet ligger före TYP-kundrelationens början.',
    en: 'The end date is before the start of the TYP relationship.',
  },
  'typ_relationship.not_active': {
    fi: 'TYP-asiakkuus ei ole voimassa.',
    sv: 'TYP-kundrelationen pågår inte.',
    en: 'The TYP relationship is not active.',
  },
  'typ_relationship.parties': {
    fi: 'TYP-asiakkuuden osapuolina on oltava työllisyysviranomainen, hyvinvointialue ja Kela.',
    sv: 'Parterna i TYP-kundrelationen ska vara arbetskraftsmyndigheten, välfärdsområdet och FPA.',
    en: 'The TYP parties must be the employment authority, the wellbeing county and Kela.',
  },
};
