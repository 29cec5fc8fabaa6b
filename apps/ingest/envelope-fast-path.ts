import { ID_PATTERN, IDEMPOTENCY_KEY_PATTERN } from '../../libs/commands/id-patterns.js';
import { ORGANISATION_TYPES } from '../../libs/events/index.js';
import type { InboundCommandDto } from '../../libs/commands/envelope/index.js';

/**
 * The envelope checked by hand for the common case, a valid message: class-validator on
 * the nested envelope costs more than the command's own DTO. The check is stricter than (or
 * equal to) InboundCommandDto, never looser: anything it does not accept goes through the
 * DTO, which then gives the exact error. `envelope-fast-path.unit.spec.ts` holds it to that.
 */
const ENVELOPE_KEYS = new Set(['schemaVersion', 'idempotencyKey', 'clientId', 'command', 'actor']);
const COMMAND_KEYS = new Set(['type', 'data']);
const ACTOR_KEYS = new Set(['personId', 'displayName', 'organisationId', 'organisationType']);
const ORGANISATION_TYPE = new Set<unknown>(ORGANISATION_TYPES);

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
const onlyKeys = (o: Record<string, unknown>, allowed: Set<string>) => Object.keys(o).every((k) => allowed.has(k));
const isId = (v: unknown) => typeof v === 'string' && ID_PATTERN.test(v);
/** TextField({ max }): a non-empty string; UTF-16 length is never below the code points class-validator counts. */
const isText = (v: unknown, max: number) => typeof v === 'string' && v.length > 0 && v.length <= max;

function validActor(actor: unknown): boolean {
  if (actor === undefined) return true;
  if (!isPlainObject(actor) || !onlyKeys(actor, ACTOR_KEYS)) return false;
  return (
    isId(actor.personId) &&
    isText(actor.displayName, 200) &&
    (actor.organisationId === undefined || isId(actor.organisationId)) &&
    (actor.organisationType === undefined || ORGANISATION_TYPE.has(actor.organisationType))
  );
}

/** The envelope when it certainly satisfies InboundCommandDto; undefined = ask the DTO. */
export function envelopeIfPlainlyValid(raw: Record<string, unknown>): InboundCommandDto | undefined {
  if (!onlyKeys(raw, ENVELOPE_KEYS)) return undefined;
  if (raw.schemaVersion !== 1) return undefined;
  if (typeof raw.idempotencyKey !== 'string' || !IDEMPOTENCY_KEY_PATTERN.test(raw.idempotencyKey)) return undefined;
  if (!isId(raw.clientId)) return undefined;
  const command = raw.command;
  if (!isPlainObject(command) || !onlyKeys(command, COMMAND_KEYS) || typeof command.type !== 'string') return undefined;
  const data = command.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  if (!validActor(raw.actor)) return undefined;
  return raw as unknown as InboundCommandDto;
}
