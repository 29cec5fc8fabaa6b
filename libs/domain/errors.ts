/**
 * A command broke a named rule (HTTP 422). `rule` is a stable code, e.g.
 * 'kuty.hours_per_day' or 'referral.already_declined'; `field` points at the offending input.
 */
export class RuleViolationError extends Error {
  override readonly name = 'RuleViolationError';
  constructor(
    readonly rule: string,
    message: string,
    readonly field?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** The command refers to something the client's history does not have (HTTP 404). */
export class NotFoundInStreamError extends Error {
  override readonly name = 'NotFoundInStreamError';
  constructor(
    readonly what: string,
    readonly id: string,
  ) {
    super(`${what} ${id} not found`);
  }
}
