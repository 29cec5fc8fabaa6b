/** Transport-neutral messages: what the Kafka adapter and the in-memory bus both carry. */
export type Headers = Record<string, string>;

/** A message read from the inbound topic. */
export interface InboundMessage {
  topic: string;
  partition: number;
  /** Decimal string (Kafka offsets are 64-bit). */
  offset: string;
  key: string | null;
  value: Buffer | null;
  headers: Headers;
}

/** A message to publish; messages with the same key keep their order. */
export interface OutboundMessage {
  key: string;
  value: string;
  headers: Headers;
}

/** Why a message went to the dead-letter topic (becomes the `polku-error-*` headers). */
export interface DeadLetterReason {
  /**
   * malformed | unsupported_schema_version | unknown_command | validation | unauthorised |
   * forbidden | rule_violation | not_found | idempotency_key_reused | internal
   */
  type: string;
  detail: string;
  /** The domain rule for `rule_violation`, e.g. `referral.to_self`. */
  rule?: string;
  /** Path of the offending input, e.g. `command.data.madeOn`. */
  field?: string;
}

/**
 * What the handler decided about one inbound message:
 * - `processed`: done (the events are durable); commit the offset.
 * - `dead-letter`: permanently rejected; publish to the DLQ, then commit.
 * - `retry`: transient (stream conflict, store busy); redo after a backoff, commit nothing.
 */
export type Disposition =
  | { outcome: 'processed'; detail?: Record<string, unknown> }
  | { outcome: 'dead-letter'; reason: DeadLetterReason }
  | { outcome: 'retry'; error: unknown };

export type InboundHandler = (message: InboundMessage) => Promise<Disposition>;
