import type { PolkuEvent } from './envelope.js';
import { EVENT_CATALOGUE, isPolkuEventType } from './versions.js';

/**
 * Upcasters lift stored events of an older schema version to the current one on read,
 * so old histories replay without rewriting the (immutable) store.
 * Key: `${type}@${fromVersion}`; each step raises the version by one.
 */
// biome-ignore lint/suspicious/noExplicitAny: a stored payload of an older version has no type here
type Upcaster = (data: any) => unknown;

const UPCASTERS: Record<string, Upcaster> = {
  // Example of the mechanism: v0 attendance carried a single day count; v1 lists dates.
  'AttendanceReported@0': (data) => ({
    periodId: data.periodId,
    attendedDates: data.attendedDates ?? [],
    hoursPerDay: data.hoursPerDay ?? 0,
  }),
};

export class UnknownSchemaVersionError extends Error {
  override readonly name = 'UnknownSchemaVersionError';
  constructor(
    readonly type: string,
    readonly version: number,
  ) {
    super(`No upcaster from ${type} schema version ${version}`);
  }
}

export function upcast<E extends PolkuEvent>(event: E): E {
  if (!isPolkuEventType(event.type)) return event;
  const target = EVENT_CATALOGUE[event.type].schemaVersion;
  let { schemaVersion, data } = event as PolkuEvent;
  if (schemaVersion === target) return event;
  if (schemaVersion > target) throw new UnknownSchemaVersionError(event.type, schemaVersion);
  while (schemaVersion < target) {
    const step = UPCASTERS[`${event.type}@${schemaVersion}`];
    if (!step) throw new UnknownSchemaVersionError(event.type, schemaVersion);
    data = step(data);
    schemaVersion += 1;
  }
  return { ...event, schemaVersion, data } as E;
}
