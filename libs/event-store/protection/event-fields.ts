import {
  hasPersonalFields,
  mapPersonalFields,
  mapPersonalFieldsInPlace,
  somePersonalValue,
  type PersonalValue,
  type PolkuEvent,
  type RecordedEvent,
} from '../../events/index.js';
import { PersonalDataDecryptionError } from './errors.js';
import { decryptValue, encryptValue, erasedValue, isEncrypted, type ValueKey } from './field-cipher.js';

/** Whole-event steps of ProtectedEventStore: which events need a key, and the mapping itself. */

export const carriesPersonalData = (event: PolkuEvent): boolean =>
  somePersonalValue(event.type, event.data, () => true);

export const holdsEncryptedData = (event: PolkuEvent): boolean =>
  somePersonalValue(event.type, event.data, isEncrypted);

/** Only `data` changes: the envelope (ids, dates, actor) is structure, not the client's data. */
export const encryptEvent = (event: PolkuEvent, key: ValueKey): PolkuEvent =>
  hasPersonalFields(event.type)
    ? { ...event, data: mapPersonalFields(event.type, event.data, (value) => encryptValue(key, value)) }
    : event;

/**
 * Replaces the encrypted personal values in `event.data` itself, without copying: only for an
 * event the caller owns (freshly decoded by the inner store for this read). key null =
 * destroyed: values read as erased. Values that are not `enc:v1:` strings (written before
 * protection existed) pass unchanged.
 */
export function decryptEventInPlace(event: RecordedEvent, key: ValueKey | null): void {
  mapPersonalFieldsInPlace(event.type, event.data, (value, path) => revealValue(event, key, value, path));
}

/** The plain (or erased) value; `undefined` for a value that is not encrypted. */
function revealValue(
  event: RecordedEvent,
  key: ValueKey | null,
  value: PersonalValue,
  path: string,
): PersonalValue | undefined {
  if (!isEncrypted(value)) return undefined;
  try {
    return key ? decryptValue(key, value) : erasedValue(value);
  } catch (cause) {
    throw new PersonalDataDecryptionError(event.eventId, path, { cause });
  }
}
