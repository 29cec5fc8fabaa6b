/**
 * RFC 9457 problem type URIs. Clients branch on `type`, never on `title` or `detail`,
 * so these strings are part of the API contract: add, never rename.
 */
export const PROBLEM_BASE = 'https://polku.example/problems/';

export const ProblemTypes = {
  validation: `${PROBLEM_BASE}validation`,
  malformedBody: `${PROBLEM_BASE}malformed-body`,
  bodyTooLarge: `${PROBLEM_BASE}body-too-large`,
  headersTooLarge: `${PROBLEM_BASE}headers-too-large`,
  malformedRequest: `${PROBLEM_BASE}malformed-request`,
  invalidHeader: `${PROBLEM_BASE}invalid-header`,
  unauthorized: `${PROBLEM_BASE}unauthorized`,
  forbidden: `${PROBLEM_BASE}forbidden`,
  notFound: `${PROBLEM_BASE}not-found`,
  streamVersionConflict: `${PROBLEM_BASE}stream-version-conflict`,
  idempotencyKeyReused: `${PROBLEM_BASE}idempotency-key-reused`,
  serviceUnavailable: `${PROBLEM_BASE}service-unavailable`,
  /** ?minPosition= beyond the last recorded event (422). */
  positionNotRecorded: `${PROBLEM_BASE}position-not-recorded`,
  internal: `${PROBLEM_BASE}internal`,
  /** A command sent to a reads-only API process (`API_SERVES=reads`, 405). */
  readsOnly: `${PROBLEM_BASE}reads-only`,
  /** RFC 9457 §4.2.1: no semantics beyond the HTTP status (e.g. 405, 413). */
  blank: 'about:blank',
} as const;

/** One type per broken domain rule, e.g. .../problems/rule/kuty.hours_per_day */
export function ruleProblemType(rule: string): string {
  return `${PROBLEM_BASE}rule/${encodeURIComponent(rule)}`;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** A problem as thrown or mapped; extensions (rule, errors, ...) sit beside the standard members. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  [extension: string]: unknown;
}

/** A problem as sent: the filter adds the request path (and the correlation id). */
export interface ProblemDetails extends Problem {
  instance: string;
}

/** One failed input field; `field` is the full path, e.g. `data.kuty.hoursPerDay`, `items[1].name`. */
export interface FieldError {
  field: string;
  message: string;
}
