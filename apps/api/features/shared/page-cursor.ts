import { RequestValidationException } from '../../../../libs/problem/validation.js';

/**
 * The `after` / `nextCursor` of a paged listing: the last item's place in the listing's
 * order, as base64url JSON. Opaque to clients; a tampered one is only ever a place in the
 * order, never access to anything (who may read is authorised as usual).
 */
export const encodePageCursor = (place: unknown): string => Buffer.from(JSON.stringify(place)).toString('base64url');

/** The place a cursor holds, or a 400 naming `after` when it is not one this listing returned. */
export function decodePageCursor<T>(
  text: string | undefined,
  isPlace: (value: unknown) => value is T,
  listing: string,
): T | undefined {
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (isPlace(value)) return value;
  } catch {
    // fall through to the field error
  }
  throw new RequestValidationException([
    { field: 'after', message: `after must be a nextCursor returned by this ${listing}` },
  ]);
}
