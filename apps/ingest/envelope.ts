/**
 * The message envelope is part of the published command contract, next to the command DTOs
 * in the API's client-commands feature (its JSON Schema is served with the OpenAPI document).
 */
export {
  InboundActorDto,
  InboundCommandBodyDto,
  InboundCommandDto,
  SUPPORTED_SCHEMA_VERSIONS,
} from '../api/features/client-commands/kafka-envelope.dto.js';
