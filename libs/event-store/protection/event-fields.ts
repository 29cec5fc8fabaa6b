import {
  forEachPersonalValue, hasPersonalFields, mapPersonalFields, type PolkuEvent, type RecordedEvent,
} from '../../events/index.js';
import { PersonalDataDecryptionError } from './errors.js';
import { decryptValue, encryptValue, erasedValue, isEncrypted } from './field-cipher.js';

/** Whole-event steps of ProtectedEventStore: which events need a key, and the mapping itself. */

export function carriesPersonalData(event: PolkuEvent): boolean {
  let found = false;
  forEachPersonalValue(event.type, event.data, () => { found = true; });
  return found;
}

export function holdsEncryptedData(event: PolkuEvent): boolean {
  let found = false;
  forEachPersonalValue(event.type, event.data, (value) => { found ||= isEncrypted(value); });
  return found;
}

/** Only `data` changes: the envelope (ids, dates, actor) is structure, not the client's data. */
export const encryptEvent = (event: PolkuEvent, key: Buffer): PolkuEvent => (hasPersonalFields(event.type)
  ? { ...event, data: mapPersonalFields(event.type, event.data, (value) => encryptValue(key, value)) }
  : event);

/**
 * key null = destroyed: values read as erased. Values that are not `enc:v1:` strings
 * (written before protection existed) pass unchanged.
 */
export function decryptEvent(event: RecordedEvent, key: Buffer | null): RecordedEvent {
  const data = mapPersonalFields(event.type, event.data, (value, path) => {
    if (!isEncrypted(value)) return value;
    try {
      return key ? decryptValue(key, value) : erasedValue(value);
    } catch (cause) {
      throw new PersonalDataDecryptionError(event.eventId, path, { cause });
    }
  });
  return { ...event, data };
}
