import type { DeadlineRow, WorklistCursor } from '../../../../libs/read-store/index.js';
import { RequestValidationException } from '../../infrastructure/problem/validation.js';

/**
 * The `after` / `nextCursor` of worklist pages: the last row's place in worklist order, as
 * base64url JSON. Opaque to clients; a tampered one is only ever a place in the order, never
 * access to anything (the organisation comes from the path and is authorised as usual).
 */
export const encodeWorklistCursor = (r: DeadlineRow): string =>
  Buffer.from(JSON.stringify([r.dueDate, r.clientId, r.kind, r.refId])).toString('base64url');

export function decodeWorklistCursor(text: string | undefined): WorklistCursor | undefined {
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 4 && value.every((v) => typeof v === 'string')) {
      const [dueDate, clientId, kind, refId] = value as string[];
      return { dueDate, clientId, kind: kind as WorklistCursor['kind'], refId };
    }
  } catch {
    // fall through to the field error
  }
  throw new RequestValidationException([{ field: 'after', message: 'after must be a nextCursor returned by this worklist' }]);
}
