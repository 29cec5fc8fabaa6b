import { ORG, PEOPLE } from './organisations.js';
import { byMonth, weekdaysBetween } from './calendar.js';
import type { DemoClient, DemoStep } from './scenario.js';

/** Pori (seed 004): a young client on social assistance in kuty at the city's workshop. */
export function poriClient(clientId = 'demo-pori-1'): DemoClient {
  const { sari, jari, tiina } = PEOPLE;
  const workshop = { ...ORG.poriWorkshop, providerKind: 'municipality' as const };
  const steps: DemoStep[] = [
    {
      on: '2026-04-20',
      as: sari,
      command: {
        type: 'RegisterClient',
        data: { fullName: 'Emma Esimerkki', birthDate: '2003-03-01', municipality: 'Pori' },
      },
    },
    {
      on: '2026-04-20',
      as: jari,
      command: {
        type: 'RecordBenefitStatus',
        data: {
          asOf: '2026-04-20',
          currentBenefit: 'social_assistance',
          labourMarketSubsidyDaysLast12Months: 0,
          labourMarketSubsidyDaysTotal: 0,
          earningsRelatedMaximumUsed: false,
          labourMarketSubsidyDaysAfterEarningsRelatedMaximum: 0,
          socialAssistanceMonthsAsMainIncome: 5,
        },
      },
    },
    {
      on: '2026-04-22',
      as: sari,
      command: {
        type: 'AgreeEmploymentPlan',
        data: {
          planId: 'pori1-employment-plan',
          agreedOn: '2026-04-22',
          services: [],
          jobSearchObligation: 'Register as a job seeker; weekly contact',
        },
      },
    },
    {
      on: '2026-04-22',
      as: jari,
      command: {
        type: 'NamePerson',
        data: {
          personId: jari.personId,
          personName: jari.displayName,
          role: 'named_worker',
          lead: true,
          namedOn: '2026-04-22',
        },
      },
    },
    {
      on: '2026-05-06',
      as: jari,
      command: {
        type: 'AgreeActivationPlan',
        data: {
          planId: 'pori1-activation-plan',
          agreedOn: '2026-05-06',
          employmentPlanId: 'pori1-employment-plan',
          services: [{ serviceType: 'rehabilitative_work_activity' }],
          kuty: {
            goal: 'Find a vocational direction',
            description: 'Carpentry and kitchen work at the workshop',
            place: 'Porin työpaja, Itätullinkatu',
            providerId: ORG.poriWorkshop.organisationId,
            providerKind: 'municipality',
            hoursPerDay: 6,
            daysPerWeek: 4,
            startDate: '2026-06-01',
            lengthMonths: 12,
            supportAndGuidance: 'Own instructor and a study counsellor',
            otherServices: 'Youth outreach worker',
            assessmentDate: '2026-11-30',
          },
        },
      },
    },
    {
      on: '2026-06-01',
      as: tiina,
      command: {
        type: 'StartServicePeriod',
        data: {
          periodId: 'pori1-kuty',
          serviceType: 'rehabilitative_work_activity',
          provider: workshop,
          planId: 'pori1-activation-plan',
          startDate: '2026-06-01',
          plannedEndDate: '2027-05-31',
          daysPerWeek: 4,
          hoursPerDay: 6,
        },
      },
    },
    {
      on: '2026-06-01',
      as: tiina,
      command: {
        type: 'NamePerson',
        data: {
          personId: tiina.personId,
          personName: tiina.displayName,
          role: 'own_instructor',
          periodId: 'pori1-kuty',
          namedOn: '2026-06-01',
        },
      },
    },
    {
      on: '2026-08-31',
      as: tiina,
      command: {
        type: 'HoldGoalReview',
        data: {
          periodId: 'pori1-kuty',
          heldOn: '2026-08-31',
          participants: { client: true, responsibleOfficerId: jari.personId, ownInstructorId: tiina.personId },
          assessment: 'Interested in carpentry studies',
        },
      },
    },
  ];
  for (const month of byMonth(weekdaysBetween('2026-06-01', '2026-10-30', [1, 2, 3, 4]))) {
    steps.push({
      on: month[month.length - 1],
      as: tiina,
      command: { type: 'ReportAttendance', data: { periodId: 'pori1-kuty', attendedDates: month, hoursPerDay: 6 } },
    });
  }
  steps.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  return {
    clientId,
    story: 'Pori: under 25 on social assistance, kuty at the city workshop (municipality pays)',
    steps,
  };
}

/** Turku (seed 001): TYP client with Kela rehabilitation in the plan; one referral declined. */
export function turkuClient(clientId = 'demo-turku-1'): DemoClient {
  const { elina, ville, anna } = PEOPLE;
  const steps: DemoStep[] = [
    {
      on: '2026-02-02',
      as: elina,
      command: {
        type: 'RegisterClient',
        data: { fullName: 'Teemu Testinen', birthDate: '1978-09-30', municipality: 'Turku' },
      },
    },
    {
      on: '2026-02-09',
      as: elina,
      command: {
        type: 'StartTypRelationship',
        data: { startDate: '2026-02-09', parties: [ORG.teTurku, ORG.varha, ORG.kela] },
      },
    },
    {
      on: '2026-02-09',
      as: elina,
      command: {
        type: 'NamePerson',
        data: {
          personId: elina.personId,
          personName: elina.displayName,
          role: 'responsible_officer',
          lead: true,
          namedOn: '2026-02-09',
        },
      },
    },
    {
      on: '2026-02-20',
      as: ville,
      command: {
        type: 'RecordServiceNeedAssessment',
        data: { assessedOn: '2026-02-20', needs: ['mental health', 'work ability'] },
      },
    },
    {
      on: '2026-03-02',
      as: elina,
      command: {
        type: 'AgreeMultisectoralPlan',
        data: {
          planId: 'turku1-typ-plan',
          agreedOn: '2026-03-02',
          services: [{ serviceType: 'mental_health_services' }, { serviceType: 'vocational_rehabilitation' }],
          followUp: 'Joint meeting every 3 months',
          jobSearchObligation: 'Suspended during rehabilitation',
          kelaRehabilitationNeeded: true,
          approvedByOrganisations: [ORG.teTurku, ORG.varha, ORG.kela],
          approvedByClient: true,
        },
      },
    },
    {
      on: '2026-03-03',
      as: elina,
      command: {
        type: 'MakeReferral',
        data: {
          referralId: 'turku1-kela-rehab',
          serviceType: 'vocational_rehabilitation',
          to: ORG.kela,
          reason: 'Vocational rehabilitation assessment',
          madeOn: '2026-03-03',
        },
      },
    },
    {
      on: '2026-03-03',
      as: elina,
      command: {
        type: 'MakeReferral',
        data: {
          referralId: 'turku1-mental-health',
          serviceType: 'mental_health_services',
          to: ORG.varha,
          reason: 'Depression follow-up',
          madeOn: '2026-03-03',
        },
      },
    },
    {
      on: '2026-03-10',
      as: ville,
      command: { type: 'AcceptReferral', data: { referralId: 'turku1-mental-health', acceptedOn: '2026-03-10' } },
    },
    {
      on: '2026-03-16',
      as: ville,
      command: {
        type: 'StartServicePeriod',
        data: {
          periodId: 'turku1-mental-health',
          serviceType: 'mental_health_services',
          provider: { ...ORG.varha, providerKind: 'public_body' },
          referralId: 'turku1-mental-health',
          startDate: '2026-03-16',
          plannedEndDate: '2026-12-31',
        },
      },
    },
    {
      on: '2026-03-24',
      as: anna,
      command: {
        type: 'DeclineReferral',
        data: {
          referralId: 'turku1-kela-rehab',
          declinedOn: '2026-03-24',
          reason: 'Treatment first; reapply after 6 months',
        },
      },
    },
    {
      on: '2026-06-01',
      as: elina,
      command: {
        type: 'ReviewPlan',
        data: {
          planId: 'turku1-typ-plan',
          reviewedOn: '2026-06-01',
          requestedByClient: true,
          outcome: 'Treatment continues',
        },
      },
    },
  ];
  return {
    clientId,
    story: 'Turku: TYP with Kela rehabilitation; one referral declined, mental-health services ongoing',
    steps,
  };
}
