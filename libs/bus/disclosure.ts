import type { DataKind } from '../events/index.js';

/** The receiving party of everything published on the outbound path-events topic. */
export const OUTBOUND_TOPIC_SUBSCRIBERS = 'outbound topic subscribers';

/** One event handed over to another party (law 703/2023 §10–11 disclosure log). */
export interface Disclosure {
  eventId: string;
  eventType: string;
  clientId: string;
  /** The organisation whose entry is disclosed (the event's author). */
  fromOrganisationId: string;
  correlationId: string;
  dataKind: DataKind | 'unknown';
  globalPosition: bigint;
  /** Who received it: OUTBOUND_TOPIC_SUBSCRIBERS for the Kafka publication. */
  recipient: string;
  /** Channel, e.g. `kafka:polku.path-events.v1`. */
  channel: string;
  disclosedAt: Date;
}

/**
 * Hook for the disclosure log (issue "access and audit"). The publisher calls it once per
 * event after the broker acked the batch and before the checkpoint advances, so a crash
 * in between repeats the call: implementations should be idempotent on `eventId`.
 * A rejection stops the checkpoint (the batch is published again later).
 */
export interface DisclosureRecorder {
  recordDisclosures(disclosures: Disclosure[]): Promise<void>;
}

export const NO_DISCLOSURE_RECORDER: DisclosureRecorder = {
  recordDisclosures: async () => {},
};
