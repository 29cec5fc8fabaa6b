import { ORG, PEOPLE } from './organisations.js';
import { byMonth, weekdaysBetween } from './calendar.js';
import type { DemoClient, DemoStep } from './scenario.js';

const logistics = {
  organisationId: 'provider-jkl-logistics',
  organisationType: 'provider' as const,
  name: 'Keski-Suomen Logistiikka Oy',
  providerKind: 'company' as const,
};
const settlement = { ...ORG.settlement, providerKind: 'association' as const };

/**
 * Central Finland (seed 003): long-term unemployed adult; TYP with three agencies; kuty
 * on the multi-sectoral plan alone ("instead of an activation plan"), with the TYP officer
 * (lead), the social worker and the own instructor named → goal reviews → end → work trial.
 */
export function centralFinlandClient(clientId = 'demo-keski-suomi-1'): DemoClient {
  const { liisa, outi, mikko, anna, pekka } = PEOPLE;
  const kutyDates = weekdaysBetween('2025-02-17', '2025-08-14', [1, 2, 4]);
  const steps: DemoStep[] = [
    {
      on: '2025-01-08',
      as: liisa,
      command: {
        type: 'RegisterClient',
        data: {
          fullName: 'Matti Mallikas',
          personalIdentityCode: '120485-123X',
          birthDate: '1985-04-12',
          municipality: 'Jyväskylä',
        },
      },
    },
    {
      on: '2025-01-08',
      as: liisa,
      command: {
        type: 'RecordBenefitStatus',
        data: {
          asOf: '2025-01-08',
          currentBenefit: 'labour_market_subsidy',
          labourMarketSubsidyDaysLast12Months: 250,
          labourMarketSubsidyDaysTotal: 620,
          earningsRelatedMaximumUsed: true,
          labourMarketSubsidyDaysAfterEarningsRelatedMaximum: 620,
          socialAssistanceMonthsAsMainIncome: 0,
        },
      },
    },
    {
      on: '2025-01-10',
      as: liisa,
      command: {
        type: 'AgreeEmploymentPlan',
        data: {
          planId: 'cf1-employment-plan',
          agreedOn: '2025-01-10',
          services: [{ serviceType: 'rehabilitative_work_activity' }],
          jobSearchObligation: 'Apply for 2 jobs a month once the kuty period has ended',
        },
      },
    },
    {
      on: '2025-01-15',
      as: liisa,
      command: {
        type: 'StartTypRelationship',
        data: { startDate: '2025-01-15', parties: [ORG.teKeskiSuomi, ORG.hyvaks, ORG.kela] },
      },
    },
    {
      on: '2025-01-15',
      as: liisa,
      command: {
        type: 'GiveConsent',
        data: {
          consentId: 'cf1-consent',
          scope: {
            organisationIds: [],
            dataKinds: ['identity', 'plans', 'referrals', 'service_periods', 'assessments', 'benefits', 'attendance'],
          },
        },
      },
    },
    {
      on: '2025-01-15',
      as: liisa,
      command: {
        type: 'NamePerson',
        data: {
          personId: liisa.personId,
          personName: liisa.displayName,
          role: 'responsible_officer',
          lead: true,
          namedOn: '2025-01-15',
        },
      },
    },
    {
      on: '2025-01-16',
      as: mikko,
      command: {
        type: 'NamePerson',
        data: { personId: mikko.personId, personName: mikko.displayName, role: 'named_worker', namedOn: '2025-01-16' },
      },
    },
    {
      on: '2025-01-29',
      as: mikko,
      command: {
        type: 'RecordServiceNeedAssessment',
        data: {
          assessedOn: '2025-01-29',
          needs: ['daily rhythm', 'work ability assessment', 'social support'],
          summary: 'Multi-sectoral assessment with the TYP team',
        },
      },
    },
    {
      on: '2025-01-30',
      as: anna,
      command: {
        type: 'RecordWorkAbilityAssessment',
        data: { tool: 'kykyviisari', assessedOn: '2025-01-30', score: 5 },
      },
    },
    {
      on: '2025-02-05',
      as: liisa,
      command: {
        type: 'AgreeMultisectoralPlan',
        data: {
          planId: 'cf1-typ-plan',
          agreedOn: '2025-02-05',
          services: [
            { serviceType: 'rehabilitative_work_activity', providerId: ORG.settlement.organisationId },
            { serviceType: 'work_trial' },
          ],
          followUp: 'TYP team meets the client every 3 months',
          jobSearchObligation: 'None during kuty',
          kelaRehabilitationNeeded: false,
          approvedByOrganisations: [ORG.teKeskiSuomi, ORG.hyvaks, ORG.kela],
          approvedByClient: true,
          kuty: {
            goal: 'Regular daily rhythm and a path to a work trial',
            description: "Workshop work in the settlement's second-hand shop",
            place: 'Jyväskylän Setlementti, Kankaankatu',
            providerId: ORG.settlement.organisationId,
            providerKind: 'association',
            hoursPerDay: 4,
            daysPerWeek: 3,
            startDate: '2025-02-17',
            lengthMonths: 6,
            supportAndGuidance: 'Own instructor; weekly check-in',
            otherServices: 'Substance-abuse outpatient visits',
            assessmentDate: '2025-08-15',
          },
        },
      },
    },
    {
      on: '2025-02-06',
      as: mikko,
      command: {
        type: 'MakeReferral',
        data: {
          referralId: 'cf1-kuty-referral',
          serviceType: 'rehabilitative_work_activity',
          to: ORG.settlement,
          reason: 'Kuty per the multi-sectoral plan',
          madeOn: '2025-02-06',
        },
      },
    },
    {
      on: '2025-02-10',
      as: pekka,
      command: { type: 'AcceptReferral', data: { referralId: 'cf1-kuty-referral', acceptedOn: '2025-02-10' } },
    },
    {
      on: '2025-02-17',
      as: pekka,
      command: {
        type: 'StartServicePeriod',
        data: {
          periodId: 'cf1-kuty',
          serviceType: 'rehabilitative_work_activity',
          provider: settlement,
          referralId: 'cf1-kuty-referral',
          planId: 'cf1-typ-plan',
          startDate: '2025-02-17',
          plannedEndDate: '2025-08-16',
          daysPerWeek: 3,
          hoursPerDay: 4,
          travelEuroPerDay: 5.6,
        },
      },
    },
    {
      on: '2025-02-17',
      as: pekka,
      command: {
        type: 'NamePerson',
        data: {
          personId: pekka.personId,
          personName: pekka.displayName,
          role: 'own_instructor',
          periodId: 'cf1-kuty',
          namedOn: '2025-02-17',
        },
      },
    },
    {
      on: '2025-05-05',
      as: liisa,
      command: {
        type: 'ReviewPlan',
        data: {
          planId: 'cf1-typ-plan',
          reviewedOn: '2025-05-05',
          requestedByClient: false,
          outcome: 'Kuty continues as planned',
        },
      },
    },
    {
      on: '2025-05-12',
      as: pekka,
      command: {
        type: 'HoldGoalReview',
        data: {
          periodId: 'cf1-kuty',
          heldOn: '2025-05-12',
          participants: { client: true, responsibleOfficerId: liisa.personId, ownInstructorId: pekka.personId },
          assessment: 'Attends regularly; ready for more responsibility',
        },
      },
    },
    {
      on: '2025-08-04',
      as: liisa,
      command: {
        type: 'ReviewPlan',
        data: {
          planId: 'cf1-typ-plan',
          reviewedOn: '2025-08-04',
          requestedByClient: false,
          outcome: 'Work trial after kuty',
        },
      },
    },
    {
      on: '2025-08-08',
      as: pekka,
      command: {
        type: 'HoldGoalReview',
        data: {
          periodId: 'cf1-kuty',
          heldOn: '2025-08-08',
          participants: { client: true, responsibleOfficerId: liisa.personId, ownInstructorId: pekka.personId },
          assessment: 'Goals met; continue to a work trial',
        },
      },
    },
    {
      on: '2025-08-15',
      as: pekka,
      command: {
        type: 'EndServicePeriod',
        data: {
          periodId: 'cf1-kuty',
          endDate: '2025-08-15',
          endReason: 'transfer_to_other_service',
          continuation: 'work_trial',
        },
      },
    },
    {
      on: '2025-08-15',
      as: liisa,
      command: {
        type: 'HoldGoalReview',
        data: {
          periodId: 'cf1-kuty',
          heldOn: '2025-08-15',
          endAssessment: true,
          participants: { client: true, responsibleOfficerId: liisa.personId, ownInstructorId: pekka.personId },
          assessment: 'End assessment: goals met, plan renewed for a work trial',
        },
      },
    },
    {
      on: '2025-09-01',
      as: liisa,
      command: {
        type: 'NamePerson',
        data: {
          personId: outi.personId,
          personName: outi.displayName,
          role: 'responsible_officer',
          namedOn: '2025-09-01',
        },
      },
    },
    {
      on: '2025-09-01',
      as: liisa,
      command: { type: 'DesignateLeadOfficer', data: { personId: outi.personId, designatedOn: '2025-09-01' } },
    },
    {
      on: '2025-09-01',
      as: liisa,
      command: {
        type: 'ReleasePerson',
        data: {
          personId: liisa.personId,
          role: 'responsible_officer',
          releasedOn: '2025-09-01',
          reason: 'Caseload handed over',
        },
      },
    },
    {
      on: '2025-09-01',
      as: outi,
      command: {
        type: 'StartServicePeriod',
        data: {
          periodId: 'cf1-work-trial',
          serviceType: 'work_trial',
          provider: logistics,
          startDate: '2025-09-01',
          plannedEndDate: '2026-02-28',
          daysPerWeek: 5,
          hoursPerDay: 6,
        },
      },
    },
    {
      on: '2025-11-03',
      as: outi,
      command: {
        type: 'ReviewPlan',
        data: {
          planId: 'cf1-typ-plan',
          reviewedOn: '2025-11-03',
          requestedByClient: false,
          outcome: 'Work trial going well; pay subsidy discussed',
        },
      },
    },
    {
      on: '2026-02-27',
      as: outi,
      command: {
        type: 'EndServicePeriod',
        data: {
          periodId: 'cf1-work-trial',
          endDate: '2026-02-27',
          endReason: 'employment_with_pay_subsidy',
          continuation: 'pay_subsidised_work',
        },
      },
    },
  ];
  for (const month of byMonth(kutyDates)) {
    const last = month[month.length - 1];
    steps.push({
      on: last,
      as: pekka,
      command: { type: 'ReportAttendance', data: { periodId: 'cf1-kuty', attendedDates: month, hoursPerDay: 4 } },
    });
  }
  steps.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  return {
    clientId,
    story: 'Central Finland: TYP → kuty on the multi-sectoral plan → reviews → end → work trial',
    steps,
  };
}
