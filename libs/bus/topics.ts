/**
 * The Kafka contract between agency systems and Polku: topic names and header names.
 * Every command travels on ONE inbound topic; its type is in the JSON value, the
 * publisher's identity in headers (see the docs/kafka.md).
 */
export const DEFAULT_TOPICS = {
  /** Inbound: agency systems publish client commands here, keyed by client id. */
  commands: 'polku.commands.v1',
  /** Rejected inbound messages, with the reason in `polku-error-*` headers. */
  deadLetter: 'polku.commands.dlq.v1',
  /** Outbound: every recorded event in global order, keyed by client id. */
  pathEvents: 'polku.path-events.v1',
} as const;

export type BusTopics = { [K in keyof typeof DEFAULT_TOPICS]: string };

export const HEADERS = {
  /** `Bearer <jwt>` signed like the HTTP API's tokens (required with KAFKA_INGEST_AUTH=jwt). */
  authorization: 'authorization',
  /** Trusted-producer identity (KAFKA_INGEST_AUTH=headers, never in production). */
  organisationId: 'polku-organisation-id',
  organisationType: 'polku-organisation-type',
  personId: 'polku-person-id',
  personName: 'polku-person-name',
  role: 'polku-role',
  /** Optional: the caller's own id to trace a command end to end. */
  correlationId: 'polku-correlation-id',
  /** Dead-letter reason. */
  errorType: 'polku-error-type',
  errorRule: 'polku-error-rule',
  errorField: 'polku-error-field',
  errorDetail: 'polku-error-detail',
  originalTopic: 'polku-original-topic',
  originalPartition: 'polku-original-partition',
  originalOffset: 'polku-original-offset',
  failedAt: 'polku-failed-at',
  /** Outbound path events. */
  eventType: 'polku-event-type',
  schemaVersion: 'polku-schema-version',
  eventId: 'polku-event-id',
  globalPosition: 'polku-global-position',
  contentType: 'content-type',
} as const;

/** Kafka's own rule for topic names. */
export const TOPIC_NAME = /^[A-Za-z0-9._-]{1,249}$/;
