import {
  EVENT_CATALOGUE,
  isPolkuEventType,
  mapPublicationWithheldFields,
  type RecordedEvent,
} from '../events/index.js';

/** What a personal field reads as on the topic: subscribers fetch personal data through the API, where access and consent are checked and logged. */
export const WITHHELD = '[withheld]';
import type { Disclosure } from './disclosure.js';
import { HEADERS } from './topics.js';
import type { OutboundMessage } from './messages.js';

/** JSON with bigints (stream version, global position) as decimal strings. */
export const toJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));

/**
 * One recorded event as a path-events message: keyed by client id (so one client's
 * events stay in order on one partition), the value the event JSON, type and schema
 * version in headers so consumers can route without parsing.
 */
export function toPathEventMessage(event: RecordedEvent): OutboundMessage {
  // The topic carries the path's structure, never personal data: it cannot be erased from
  // subscribers' copies, and consent cannot be checked per subscriber. Birth date and
  // municipality go too: with the client id they identify the person.
  const data = mapPublicationWithheldFields(event.type, event.data, (v) => (Array.isArray(v) ? [WITHHELD] : WITHHELD));
  return {
    key: event.clientId,
    value: toJson({ ...event, data }),
    headers: {
      [HEADERS.eventType]: event.type,
      [HEADERS.schemaVersion]: String(event.schemaVersion),
      [HEADERS.eventId]: event.eventId,
      [HEADERS.globalPosition]: event.globalPosition.toString(),
      [HEADERS.contentType]: 'application/json',
    },
  };
}

export function disclosureOf(event: RecordedEvent, recipient: string, channel: string, at: Date): Disclosure {
  return {
    eventId: event.eventId,
    eventType: event.type,
    clientId: event.clientId,
    fromOrganisationId: event.actor.organisationId,
    correlationId: event.correlationId,
    dataKind: isPolkuEventType(event.type) ? EVENT_CATALOGUE[event.type].dataKind : 'unknown',
    globalPosition: event.globalPosition,
    recipient,
    channel,
    disclosedAt: at,
  };
}
