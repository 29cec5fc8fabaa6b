import { isUtf8 } from 'node:buffer';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { ClientCommand } from '../../libs/domain/index.js';
import { INPUT_LIMITS, inputProblems } from '../../libs/problem/input-limits.js';
import { flattenValidationErrors, VALIDATOR_OPTIONS } from '../../libs/problem/validation.js';
import type { FieldError } from '../../libs/problem/problem-types.js';
import { COMMAND_DTOS, isCommandType } from '../../libs/commands/command-table/command-table.js';
import { InboundCommandDto, SUPPORTED_SCHEMA_VERSIONS } from '../../libs/commands/envelope/index.js';
import { envelopeIfPlainlyValid } from './envelope-fast-path.js';

/** Why a message cannot become a command; `type` becomes the `polku-error-type` header. */
export class MessageRejected extends Error {
  override readonly name = 'MessageRejected';
  constructor(
    readonly type: string,
    detail: string,
    readonly field?: string,
  ) {
    super(detail);
  }
}

// validateSync: the DTOs have no asynchronous constraint (the same errors as the pipe's
// validate), and a message costs no promise per constraint.
function check<T extends object>(cls: new () => T, plain: unknown, prefix: string): T {
  const instance = plainToInstance(cls, plain);
  const errors = validateSync(instance, VALIDATOR_OPTIONS); // exactly the HTTP API's pipe settings
  if (errors.length > 0) throw invalid(flattenValidationErrors(errors), prefix);
  return instance;
}

function invalid(errors: FieldError[], prefix: string): MessageRejected {
  const withPath = errors.map((e) => ({ field: prefix ? `${prefix}.${e.field}` : e.field, message: e.message }));
  return new MessageRejected(
    'validation',
    withPath.map((e) => `${e.field}: ${e.message}`).join('; '),
    withPath[0]?.field,
  );
}

/**
 * Bytes → a validated envelope and command, with the same DTOs (and so the same 400
 * rules) as the HTTP API. Throws MessageRejected naming what is wrong.
 */
export async function parseCommandMessage(
  value: Buffer | null,
): Promise<{ envelope: InboundCommandDto; command: ClientCommand }> {
  if (value && value.length > INPUT_LIMITS.maxBodyBytes) {
    throw new MessageRejected(
      'too_large',
      `The message value is larger than ${INPUT_LIMITS.maxBodyBytes} bytes (as an HTTP body may be)`,
    );
  }
  // Decoding would silently turn invalid UTF-8 into U+FFFD, and that would be stored for good.
  if (value && !isUtf8(value)) throw new MessageRejected('malformed', 'The message value is not valid UTF-8');
  let json: unknown;
  try {
    json = JSON.parse(value?.toString('utf8') ?? '');
  } catch {
    throw new MessageRejected('malformed', 'The message value is not valid JSON');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new MessageRejected('malformed', 'The message value must be a JSON object');
  }
  // The HTTP API's input limits (depth, size, null, ill-formed text), before class-transformer.
  const problems = inputProblems(json);
  if (problems.length > 0) throw invalid(problems, '');
  const raw = json as Record<string, unknown>;
  if (!(SUPPORTED_SCHEMA_VERSIONS as readonly unknown[]).includes(raw.schemaVersion)) {
    throw new MessageRejected(
      'unsupported_schema_version',
      `schemaVersion must be one of ${SUPPORTED_SCHEMA_VERSIONS.join(', ')}, got ${JSON.stringify(raw.schemaVersion)}`,
      'schemaVersion',
    );
  }
  const type = (raw.command as { type?: unknown } | undefined)?.type;
  if (typeof type === 'string' && !isCommandType(type)) {
    throw new MessageRejected('unknown_command', `Unknown command type '${type}'`, 'command.type');
  }
  const envelope = envelopeIfPlainlyValid(raw) ?? check(InboundCommandDto, raw, '');
  if (!isCommandType(envelope.command.type))
    throw new MessageRejected('unknown_command', 'command.type is missing', 'command.type');

  const data = check(COMMAND_DTOS[envelope.command.type], envelope.command.data, 'command.data');
  if (envelope.command.type === 'RegisterClient') {
    // The stream is the envelope's clientId; the DTO's optional clientId may only repeat it.
    if (data.clientId !== undefined && data.clientId !== envelope.clientId) {
      throw new MessageRejected(
        'validation',
        'command.data.clientId: must equal clientId (or be left out)',
        'command.data.clientId',
      );
    }
    delete data.clientId;
  }
  return { envelope, command: { type: envelope.command.type, data } as ClientCommand };
}
