import { NotFoundInStreamError } from '../errors.js';
import { deadlinesOf, nextGoalReviewDate } from '../rules/index.js';
import { decide, type HoldGoalReview } from './index.js';
import { contextOf, History, kutyRunning, providerRef, violation } from '../test-support/index.js';

// Kuty goals reviewed at least every 3 months with the client, the responsible officer and the own instructor.
type Participants = HoldGoalReview['data']['participants'];
const all: Participants = { client: true, responsibleOfficerId: 'officer-1', ownInstructorId: 'instructor-1' };
const hold = (
  h: History,
  participants: Participants,
  heldOn = '2025-04-10',
  periodId = 'period-1',
  endAssessment?: boolean,
) =>
  decide(
    {
      type: 'HoldGoalReview',
      data: { periodId, heldOn, participants, assessment: 'On track', ...(endAssessment ? { endAssessment } : {}) },
    },
    h.state(),
    contextOf('association'),
  );
/** A kuty period with the TYP officer and the period's own instructor on record. */
const staffed = () => kutyRunning().kutyPeople();

describe('goal-review participants (kuty)', () => {
  it('allows a review with the client, the responsible officer and the own instructor', () =>
    expect(hold(staffed(), all)).toEqual([
      expect.objectContaining({ type: 'GoalReviewHeld', occurredAt: '2025-04-10' }),
    ]));
  it("allows the county's named worker as the officer who follows the kuty", () =>
    expect(
      hold(staffed().personNamed('mikko', 'named_worker', '2025-02-01', 'county'), {
        ...all,
        responsibleOfficerId: 'mikko',
      }),
    ).toHaveLength(1));
  it('refuses a review without the client', () =>
    expect(violation(() => hold(staffed(), { ...all, client: false })).rule).toBe('goal_review.participants'));
  it('refuses a review without the responsible officer', () =>
    expect(violation(() => hold(staffed(), { ...all, responsibleOfficerId: undefined })).rule).toBe(
      'goal_review.participants',
    ));
  it('refuses a review without the own instructor', () =>
    expect(violation(() => hold(staffed(), { ...all, ownInstructorId: undefined })).rule).toBe(
      'goal_review.participants',
    ));
  it('allows a work-trial review with the client only (no goal-review rule for that type)', () => {
    const h = new History().registered().periodStarted({
      serviceType: 'work_trial',
      provider: providerRef('company'),
      referralId: undefined,
      planId: undefined,
      plannedEndDate: '2025-06-30',
    });
    expect(hold(h, { client: true })).toHaveLength(1);
  });
  it('refuses a responsible officer nobody named on the client', () =>
    expect(violation(() => hold(staffed(), { ...all, responsibleOfficerId: 'stranger' })).rule).toBe(
      'goal_review.officer_not_on_record',
    ));
  it('refuses an officer released before the review', () =>
    expect(
      violation(() => hold(staffed().personReleased('officer-1', 'responsible_officer', '2025-04-09'), all)).rule,
    ).toBe('goal_review.officer_not_on_record'));
  it('allows an officer released on the review day', () =>
    expect(hold(staffed().personReleased('officer-1', 'responsible_officer', '2025-04-10'), all)).toHaveLength(1));
  it('refuses an officer named only after the review', () =>
    expect(
      violation(() =>
        hold(
          kutyRunning()
            .personNamed('officer-1', 'responsible_officer', '2025-04-11')
            .personNamed('instructor-1', 'own_instructor', '2025-01-15', 'association', { periodId: 'period-1' }),
          all,
        ),
      ).rule,
    ).toBe('goal_review.officer_not_on_record'));
  it("refuses an instructor who is not the period's own instructor", () =>
    expect(violation(() => hold(staffed(), { ...all, ownInstructorId: 'officer-1' })).rule).toBe(
      'goal_review.instructor_not_on_record',
    ));
  it('refuses a review dated before the period started', () =>
    expect(violation(() => hold(staffed(), all, '2025-01-14')).rule).toBe('service_period.date_before_start'));
  it('refuses a review after the period ended', () =>
    expect(violation(() => hold(staffed().periodEnded('period-1', '2025-04-01'), all, '2025-04-10')).rule).toBe(
      'goal_review.after_period_end',
    ));
  it('allows the end assessment after the period ended (its people on record on the end day)', () =>
    expect(hold(staffed().periodEnded('period-1', '2025-04-10'), all, '2025-04-10', 'period-1', true)).toHaveLength(1));
  it("allows a review on the period's last day", () =>
    expect(hold(staffed().periodEnded('period-1', '2025-04-10'), all, '2025-04-10')).toHaveLength(1));
  it('refuses a second end assessment', () => {
    const h = staffed()
      .periodEnded('period-1', '2025-04-10')
      .add(
        'GoalReviewHeld',
        { periodId: 'period-1', heldOn: '2025-04-10', participants: all, assessment: 'End', endAssessment: true },
        'association',
      );
    expect(violation(() => hold(h, all, '2025-04-10', 'period-1', true)).rule).toBe('goal_review.end_assessment_held');
  });
  it('throws NotFoundInStreamError for an unknown period', () =>
    expect(() => hold(staffed(), all, '2025-04-10', 'ghost')).toThrow(NotFoundInStreamError));
});

describe('goal reviews every 3 months during a kuty period', () => {
  const period = (h: History) => h.state().periods['period-1'];
  it('is due 3 months after the start', () => expect(nextGoalReviewDate(period(kutyRunning()))).toBe('2025-04-15'));
  it('is due 3 months after the last review', () => {
    const h = kutyRunning().add(
      'GoalReviewHeld',
      { periodId: 'period-1', heldOn: '2025-04-10', participants: all, assessment: 'ok' },
      'association',
    );
    expect(nextGoalReviewDate(period(h))).toBe('2025-07-10');
  });
  it('has no goal-review interval for a work trial', () => {
    const h = new History()
      .registered()
      .periodStarted({ serviceType: 'work_trial', provider: providerRef('company'), referralId: undefined });
    expect(nextGoalReviewDate(period(h))).toBeNull();
  });
  it('lists goal_review_due for the active period', () => {
    expect(deadlinesOf(kutyRunning().state()).filter((d) => d.kind === 'goal_review_due')).toEqual([
      expect.objectContaining({ refId: 'period-1', dueDate: '2025-04-15' }),
    ]);
  });
  it('lists no goal review once the period ended', () => {
    expect(deadlinesOf(kutyRunning().periodEnded('period-1', '2025-03-01').state()).map((d) => d.kind)).not.toContain(
      'goal_review_due',
    );
  });
});
