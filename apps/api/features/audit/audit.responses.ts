import type { DisclosureEntry, UsageEntry } from '../../../../libs/audit-log/index.js';
import { ORGANISATION_TYPES } from '../../../../libs/events/index.js';
import { AnyObject, Bool, Int, Obj, OneOf, Position, Str } from '../shared/response-fields.js';

export class UsageEntryView implements UsageEntry {
  @Str() id: string;
  @Str({ description: 'ISO instant' }) at: string;
  @Str({ nullable: true, description: 'Null when the caller could not be identified' }) personId: string | null;
  @Str({ nullable: true }) organisationId: string | null;
  @Str({ nullable: true }) role: string | null;
  @Str({ nullable: true, description: 'Whose data; null for requests that name no client' }) clientId: string | null;
  @Str({ example: 'path', description: 'What was read' }) view: string;
  @Str({ nullable: true }) purpose: string | null;
  @OneOf(['allowed', 'refused', 'unauthenticated']) outcome: UsageEntry['outcome'];
  @Str({ nullable: true, description: 'Refusal reason or the bases that allowed it' }) detail: string | null;
  @Str({ nullable: true }) correlationId: string | null;
}

export class DisclosureEntryView implements DisclosureEntry {
  @Str() id: string;
  @Str() at: string;
  @Str() clientId: string;
  @Str({ description: 'Organisation whose entries were disclosed' }) fromOrganisationId: string;
  @Str() toOrganisationId: string;
  @Str({ nullable: true }) toPersonId: string | null;
  @Str({ example: 'path: 12 entries' }) what: string;
  @Str({ example: 'consent:c-1', description: '`consent:<id>` or `legal_basis:<code>`' }) basis: string;
  @OneOf(['api', 'kafka', 'export']) channel: DisclosureEntry['channel'];
  @Str({ nullable: true }) correlationId: string | null;
}

export class UsageLogAnswer {
  @Obj(() => UsageEntryView, { each: true }) entries: UsageEntryView[];
  @Str({ nullable: true, description: 'Pass as `after` for the next (older) page; null on the last' }) nextCursor:
    | string
    | null;
}

export class DisclosureLogAnswer {
  @Obj(() => DisclosureEntryView, { each: true }) entries: DisclosureEntryView[];
  @Str({ nullable: true, description: 'Pass as `after` for the next (older) page; null on the last' }) nextCursor:
    | string
    | null;
}

export class ClientAccessLogAnswer {
  @Str() clientId: string;
  @Obj(() => UsageEntryView, { each: true }) usage: UsageEntryView[];
  @Obj(() => DisclosureEntryView, { each: true }) disclosures: DisclosureEntryView[];
  @Str({ nullable: true, description: 'Pass as `after` for the next (older) page; null on the last' }) nextCursor:
    | string
    | null;
}

export class EventActorView {
  @Str() personId: string;
  @Str() displayName: string;
  @Str() organisationId: string;
  @OneOf(ORGANISATION_TYPES) organisationType: string;
}

export class RecordedEventView {
  @Str() eventId: string;
  @Str({ example: 'ReferralMade' }) type: string;
  @Int() schemaVersion: number;
  @Str() clientId: string;
  @Str() occurredAt: string;
  @Str() recordedAt: string;
  @Obj(() => EventActorView) actor: EventActorView;
  @Str() correlationId: string;
  @Str({ nullable: true }) causationId: string | null;
  @AnyObject({ description: 'The event\'s data (personal values read "[erased]" after erasure)' }) data: Record<
    string,
    unknown
  >;
  @Position({ description: "1-based version in the client's stream" }) streamVersion: string;
  @Position() globalPosition: string;
}

export class ClientEventsAnswer {
  @Str() clientId: string;
  @Position() streamVersion: string;
  @Obj(() => RecordedEventView, { each: true }) events: RecordedEventView[];
}

export class ChainVerificationView {
  @Bool({ description: 'True when every hash link holds' }) intact: boolean;
  @Int({ optional: true, description: 'Intact: events checked' }) checked?: number;
  @Str({ optional: true, description: "Broken: the first broken link's client" }) clientId?: string;
  @Position({ optional: true }) streamVersion?: string;
  @Position({ optional: true }) globalPosition?: string;
  @Str({ optional: true }) eventId?: string;
  @Str({ optional: true }) reason?: string;
}
