import type { Actor, PolkuEventType, EventData, OrganisationRef } from '../../events/index.js';
import { RuleViolationError } from '../errors.js';
import { ruleSetOn, type RuleSet } from '../rule-sets/index.js';
import type { IsoDate } from '../time/index.js';
import type { EventDraft } from './commands.js';

/** What a decision may know besides the client's history: who asks, today, ids, the law. */
export interface DecisionContext {
  actor: Actor;
  /** Today's date (YYYY-MM-DD): facts cannot be dated after it. */
  today: IsoDate;
  newId: () => string;
  ruleSetFor?: (date: IsoDate) => RuleSet;
}

export const rulesFor = (ctx: DecisionContext, date: IsoDate): RuleSet => (ctx.ruleSetFor ?? ruleSetOn)(date);

export const draft = <T extends PolkuEventType>(type: T, occurredAt: IsoDate, data: EventData<T>): EventDraft<T> => ({
  type,
  occurredAt,
  data,
});

/** Throws the named rule violation unless the condition holds. */
export function ensure(
  condition: unknown,
  rule: string,
  message: string,
  field?: string,
  details?: Record<string, unknown>,
): asserts condition {
  if (!condition) throw new RuleViolationError(rule, message, field, details);
}

export function notInFuture(ctx: DecisionContext, date: IsoDate, field: string): void {
  ensure(date <= ctx.today, 'date.in_future', `${field} (${date}) is after today (${ctx.today})`, field);
}

/**
 * The declared fields of an organisation reference only: a caller passing a richer object
 * (a provider with its staff roster, say) must not widen the published event contract.
 */
export function organisationRef<T extends OrganisationRef>(
  o: T,
  extra: Exclude<keyof T, keyof OrganisationRef>[] = [],
): T {
  const ref: Record<string, unknown> = { organisationId: o.organisationId, organisationType: o.organisationType };
  if (o.name !== undefined) ref.name = o.name;
  for (const key of extra) ref[key as string] = o[key];
  return ref as T;
}
