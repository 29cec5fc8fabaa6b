/**
 * The envelope every Polku event travels in. Events are immutable: a correction is a new
 * event. The author (person + organisation) answers for the entry's accuracy (law 703/2023).
 */
export const ORGANISATION_TYPES = [
  'employment_authority', // työllisyysalue / TE-palvelut
  'wellbeing_county', // hyvinvointialue or municipality (social services)
  'kela',
  'provider', // palveluntuottaja: association, foundation, municipality unit, company...
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export interface Actor {
  personId: string;
  displayName: string;
  organisationId: string;
  organisationType: OrganisationType;
}

export interface EventMetadata {
  eventId: string;
  schemaVersion: number;
  clientId: string;
  /** Business time: the date (YYYY-MM-DD) or instant the fact happened. */
  occurredAt: string;
  /** When Polku recorded it (ISO instant). */
  recordedAt: string;
  actor: Actor;
  correlationId: string;
  causationId: string | null;
}

export interface PolkuEvent<T extends string = string, D = unknown> extends EventMetadata {
  type: T;
  data: D;
}

/** An event as read back from a store: with its stream version and global position. */
export type RecordedEvent<E extends PolkuEvent = PolkuEvent> = E & {
  /** 1-based version inside the client's stream. */
  streamVersion: bigint;
  /** Strictly increasing position in the global order. */
  globalPosition: bigint;
};
