import { RequestValidationException } from '../../../../libs/problem/validation.js';

/**
 * Page cursors (`nextCursor`, passed back as `?after=`): the last row's place in a list's order,
 * as a base64url JSON array of strings. Opaque to clients; a tampered one is only ever a place
 * in the order, never access to anything (every page is filtered for its caller as usual).
 */
export const encodeCursor = (parts: string[]): string => Buffer.from(JSON.stringify(parts)).toString('base64url');

/** The cursor's parts, or a 400 naming `after` when it is not a cursor of `length` parts. */
export function decodeCursor(text: string, length: number, message: string): string[] {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === length && value.every((v) => typeof v === 'string'))
      return value as string[];
  } catch {
    // fall through to the field error
  }
  throw new RequestValidationException([{ field: 'after', message }]);
}
