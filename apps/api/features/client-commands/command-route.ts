import { applyDecorators } from '@nestjs/common';
import { ApiCreatedResponse, ApiExtension, ApiOperation, ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { ClientCommand } from '../../../../libs/domain/index.js';
import type { CommandResult } from '../../../../libs/application/index.js';
import { ApiProblemResponses, COMMAND_PROBLEMS } from '../../infrastructure/problem/index.js';
import { COMMAND_TYPE_EXTENSION } from '../../infrastructure/openapi/index.js';

@ApiSchema({ name: 'CommandResult', description: "A command's answer: its events are durable." })
export class CommandResultDto implements CommandResult {
  @ApiProperty({ example: 'c-7f3a' }) clientId: string;
  @ApiProperty({
    example: '8',
    pattern: '^\\d+$',
    description: 'Stream version after the command: send it as If-Match to guard the next write',
  })
  streamVersion: string;
  @ApiProperty({
    example: '1042',
    pattern: '^\\d+$',
    description: 'Global position of the last event: pass it as ?minPosition= to read your own write',
  })
  position: string;
  @ApiProperty({ type: [String], description: 'Ids of the events appended (those of the first request when replayed)' })
  eventIds: string[];
  @ApiProperty({ description: 'True when the Idempotency-Key was seen before: nothing new was appended' })
  replayed: boolean;
}

export type ClientCommandType = ClientCommand['type'];

/**
 * Marks a controller method as the HTTP route of one client command: its summary, the
 * command type (so the Kafka schema of the same command is derived from the same DTO),
 * the 201 CommandResult and every problem a command may answer. The headers (If-Match,
 * Idempotency-Key) come with `@CommandMeta()`, path ids with `@IdParam()`.
 */
export const ClientCommandRoute = (type: ClientCommandType, summary: string, description?: string) =>
  applyDecorators(
    ApiOperation({ summary, description, operationId: type }),
    ApiExtension(COMMAND_TYPE_EXTENSION, type),
    ApiCreatedResponse({
      type: CommandResultDto,
      description: "The command's events are durable (or were, for a replayed Idempotency-Key)",
    }),
    ApiProblemResponses(...COMMAND_PROBLEMS),
  );
