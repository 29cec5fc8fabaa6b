import type { DirectoryOrganisation, OrganisationDirectoryCursor } from '../../../../libs/read-store/index.js';
import { decodePageCursor, encodePageCursor } from '../shared/page-cursor.js';

/** A directory page's place: the last row's sort name and id. */
export const encodeDirectoryCursor = (r: DirectoryOrganisation): string =>
  encodePageCursor([r.sortName, r.organisationId]);

const isPlace = (value: unknown): value is [string, string] =>
  Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string');

export function decodeDirectoryCursor(text: string | undefined): OrganisationDirectoryCursor | undefined {
  const place = decodePageCursor(text, isPlace, 'organisation directory');
  return place && { sortName: place[0], organisationId: place[1] };
}
