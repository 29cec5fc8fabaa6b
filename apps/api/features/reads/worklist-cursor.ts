import type { DeadlineRow, WorklistCursor } from '../../../../libs/read-store/index.js';
import { decodePageCursor, encodePageCursor } from '../shared/page-cursor.js';

/** A worklist page's place: the last row's due date, client, kind and reference. */
export const encodeWorklistCursor = (r: DeadlineRow): string =>
  encodePageCursor([r.dueDate, r.clientId, r.kind, r.refId]);

const isPlace = (value: unknown): value is [string, string, string, string] =>
  Array.isArray(value) && value.length === 4 && value.every((v) => typeof v === 'string');

export function decodeWorklistCursor(text: string | undefined): WorklistCursor | undefined {
  const place = decodePageCursor(text, isPlace, 'worklist');
  if (!place) return undefined;
  const [dueDate, clientId, kind, refId] = place;
  return { dueDate, clientId, kind: kind as WorklistCursor['kind'], refId };
}
