import type { DeadlineRow, WorklistCursor } from '../../../../libs/read-store/index.js';
import { decodeCursor, encodeCursor } from '../shared/cursor.js';

/** The `after` / `nextCursor` of worklist pages: the last row's place in worklist order. */
export const encodeWorklistCursor = (r: DeadlineRow): string => encodeCursor([r.dueDate, r.clientId, r.kind, r.refId]);

export function decodeWorklistCursor(text: string | undefined): WorklistCursor | undefined {
  if (text === undefined) return undefined;
  const [dueDate, clientId, kind, refId] = decodeCursor(text, 4, 'after must be a nextCursor returned by this worklist');
  return { dueDate, clientId, kind: kind as WorklistCursor['kind'], refId };
}
