import { IsIn, IsObject, IsString, Matches } from 'class-validator';
import { ORGANISATION_TYPES, type OrganisationType } from '../../libs/events/index.js';
import { EnumField, IdField, NestedField, TextField } from '../api/features/shared/dto-fields.js';

/** The message schema versions this ingest understands. */
export const SUPPORTED_SCHEMA_VERSIONS = [1] as const;

/**
 * Optional: the person in the publishing organisation on whose behalf an agency system
 * publishes (e.g. the officer who made the referral in the agency's own system). Only an
 * `agency_system` publisher may name one; the organisation always comes from the
 * authenticated headers and, when repeated here, must match them.
 */
export class InboundActorDto {
  @IdField() personId: string;
  @TextField({ max: 200 }) displayName: string;
  @IdField({ optional: true }) organisationId?: string;
  @EnumField(ORGANISATION_TYPES, { optional: true }) organisationType?: OrganisationType;
}

export class InboundCommandBodyDto {
  @IsString() type: string;
  @IsObject({ message: 'data must be a JSON object' }) data: Record<string, unknown>;
}

/** The value of a message on `polku.commands.v1` (schema version 1). */
export class InboundCommandDto {
  @IsIn([...SUPPORTED_SCHEMA_VERSIONS], { message: `schemaVersion must be one of: ${SUPPORTED_SCHEMA_VERSIONS.join(', ')}` })
  schemaVersion: number;

  /** Like HTTP's Idempotency-Key; scoped to the publishing organisation. */
  @Matches(/^[\x21-\x7E]{1,200}$/, { message: 'idempotencyKey must be 1-200 printable ASCII characters without spaces' })
  idempotencyKey: string;

  @IdField() clientId: string;
  @NestedField(() => InboundCommandBodyDto) command: InboundCommandBodyDto;
  @NestedField(() => InboundActorDto, { optional: true }) actor?: InboundActorDto;
}
