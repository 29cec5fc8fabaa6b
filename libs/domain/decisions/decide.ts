import type { ClientPathState } from '../client-path/index.js';
import { NotFoundInStreamError, RuleViolationError } from '../errors.js';
import type { ClientCommand, EventDraft } from './commands.js';
import type { DecisionContext } from './context.js';
import * as client from './client.js';
import * as typ from './typ.js';
import * as plans from './plans.js';
import * as referrals from './referrals.js';
import * as periods from './periods.js';
import * as people from './people.js';
import { eraseClientData } from './retention.js';

// biome-ignore lint/suspicious/noExplicitAny: each handler narrows its own command; HANDLERS is keyed by the type
type Handler = (state: ClientPathState, cmd: any, ctx: DecisionContext) => EventDraft[];

const HANDLERS: Record<ClientCommand['type'], Handler> = {
  RegisterClient: client.registerClient,
  GiveConsent: client.giveConsent,
  LimitConsent: client.limitConsent,
  WithdrawConsent: client.withdrawConsent,
  RecordBenefitStatus: client.recordBenefitStatus,
  RecordWorkAbilityAssessment: client.recordWorkAbilityAssessment,
  StartTypRelationship: typ.startTypRelationship,
  EndTypRelationship: typ.endTypRelationship,
  RecordServiceNeedAssessment: typ.recordServiceNeedAssessment,
  AgreeEmploymentPlan: plans.agreeEmploymentPlan,
  AgreeActivationPlan: plans.agreeActivationPlan,
  AgreeMultisectoralPlan: plans.agreeMultisectoralPlan,
  ReviewPlan: plans.reviewPlan,
  MakeReferral: referrals.makeReferral,
  AcceptReferral: referrals.acceptReferral,
  DeclineReferral: referrals.declineReferral,
  WithdrawReferral: referrals.withdrawReferral,
  StartServicePeriod: periods.startServicePeriod,
  PauseServicePeriod: periods.pauseServicePeriod,
  ResumeServicePeriod: periods.resumeServicePeriod,
  EndServicePeriod: periods.endServicePeriod,
  ChangeServicePeriod: periods.changeServicePeriod,
  ReportAttendance: periods.reportAttendance,
  ReportAbsence: periods.reportAbsence,
  HoldGoalReview: periods.holdGoalReview,
  NamePerson: people.namePerson,
  ReleasePerson: people.releasePerson,
  DesignateLeadOfficer: people.designateLeadOfficer,
  EraseClientData: eraseClientData,
};

/**
 * The client decider: from the folded history and a command to the events it causes,
 * or a RuleViolationError naming the broken rule. Pure: no clock, no I/O.
 */
export function decide(command: ClientCommand, state: ClientPathState, ctx: DecisionContext): EventDraft[] {
  if (command.type !== 'RegisterClient' && !state.registered) {
    throw new NotFoundInStreamError('client', state.clientId ?? '(unknown)');
  }
  // After erasure the path is kept for statistics only: nothing new is recorded on it.
  if (state.erased) throw new RuleViolationError('client.erased', "The client's data has been erased");
  return HANDLERS[command.type](state, command, ctx);
}
