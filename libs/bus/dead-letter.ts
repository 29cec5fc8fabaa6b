import type { DeadLetterReason, Headers, InboundMessage } from './messages.js';
import { HEADERS } from './topics.js';

const MAX_DETAIL = 2000;
/** Credentials never travel on to the DLQ: operators read it, and it keeps messages for long. */
const NOT_COPIED: readonly string[] = [HEADERS.authorization];

/**
 * Headers of a dead letter: the original headers (minus credentials), the reason
 * (`polku-error-type`, `-rule`, `-field`, `-detail`) and where the message came from.
 * The key and value are copied unchanged, so a fixed message can be replayed as is.
 */
export function deadLetterHeaders(message: InboundMessage, reason: DeadLetterReason, at: Date): Headers {
  const headers: Headers = {};
  for (const [name, value] of Object.entries(message.headers)) {
    if (!NOT_COPIED.includes(name.toLowerCase())) headers[name] = value;
  }
  headers[HEADERS.errorType] = reason.type;
  if (reason.rule) headers[HEADERS.errorRule] = reason.rule;
  if (reason.field) headers[HEADERS.errorField] = reason.field;
  headers[HEADERS.errorDetail] =
    reason.detail.length > MAX_DETAIL ? `${reason.detail.slice(0, MAX_DETAIL - 1)}…` : reason.detail;
  headers[HEADERS.originalTopic] = message.topic;
  headers[HEADERS.originalPartition] = String(message.partition);
  headers[HEADERS.originalOffset] = message.offset;
  headers[HEADERS.failedAt] = at.toISOString();
  return headers;
}
