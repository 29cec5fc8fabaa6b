import { IDEMPOTENCY_KEY_PATTERN } from '../id-patterns.js';
import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { IsIn, IsObject, IsString, Matches } from 'class-validator';
import { DEFAULT_TOPICS, HEADERS } from '../../bus/index.js';
import { ORGANISATION_TYPES, type OrganisationType } from '../../events/index.js';
import type { KafkaCommandContract } from './kafka-command-contract.js';
import { EnumField, IdField, NestedField, TextField } from '../fields/dto-fields.js';

/**
 * The value of a command message on `polku.commands.v1`. The ingest process validates it
 * with these classes; the API publishes their JSON Schema (with each command's `data`) at
 * /schemas/kafka-commands.json, so the published message format is the one enforced.
 */

/** The message schema versions the ingest understands. */
export const SUPPORTED_SCHEMA_VERSIONS = [1] as const;

/**
 * Optional: the person in the publishing organisation on whose behalf an agency system
 * publishes (e.g. the officer who made the referral in the agency's own system). Only an
 * `agency_system` publisher may name one; the organisation always comes from the
 * authenticated headers and, when repeated here, must match them.
 */
@ApiSchema({ name: 'KafkaCommandActor' })
export class InboundActorDto {
  @IdField() personId: string;
  @TextField({ max: 200 }) displayName: string;
  @IdField({ optional: true }) organisationId?: string;
  @EnumField(ORGANISATION_TYPES, { optional: true }) organisationType?: OrganisationType;
}

export class InboundCommandBodyDto {
  @ApiProperty({ type: 'string', description: 'The command type' })
  @IsString()
  type: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: "The command's data" })
  @IsObject({ message: 'data must be a JSON object' })
  data: Record<string, unknown>;
}

@ApiSchema({ name: 'KafkaCommandEnvelope' })
export class InboundCommandDto {
  @ApiProperty({ type: 'integer', enum: [...SUPPORTED_SCHEMA_VERSIONS] })
  @IsIn([...SUPPORTED_SCHEMA_VERSIONS], {
    message: `schemaVersion must be one of: ${SUPPORTED_SCHEMA_VERSIONS.join(', ')}`,
  })
  schemaVersion: number;

  /** Like HTTP's Idempotency-Key; scoped to the publishing organisation. */
  @ApiProperty({
    type: 'string',
    pattern: IDEMPOTENCY_KEY_PATTERN.source,
    description: "Like HTTP's Idempotency-Key; scoped to the publishing organisation",
  })
  @Matches(IDEMPOTENCY_KEY_PATTERN, {
    message: 'idempotencyKey must be 1-200 printable ASCII characters without spaces',
  })
  idempotencyKey: string;

  @IdField({ description: "The client's stream; also the message key" }) clientId: string;
  @NestedField(() => InboundCommandBodyDto) command: InboundCommandBodyDto;
  @NestedField(() => InboundActorDto, { optional: true }) actor?: InboundActorDto;
}

/** What the published message schema says besides the DTOs. */
export const KAFKA_COMMAND_CONTRACT: KafkaCommandContract = {
  envelope: InboundCommandDto,
  topic: DEFAULT_TOPICS.commands,
  headers:
    `Headers: \`${HEADERS.authorization}: Bearer <jwt>\` (a token like the HTTP API's), or with KAFKA_INGEST_AUTH=headers ` +
    `the trusted-producer identity ${[HEADERS.personId, HEADERS.personName, HEADERS.organisationId, HEADERS.organisationType, HEADERS.role].join(', ')}; ` +
    `optionally ${HEADERS.correlationId}.`,
};
