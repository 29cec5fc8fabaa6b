import { Transform } from 'class-transformer';
import { EnumField, PageCursorField, PageLimitField, TextField } from '../../../../libs/commands/fields/dto-fields.js';
import { ORGANISATION_TYPES, type OrganisationType } from '../../../../libs/events/index.js';

/** Organisations per page unless `limit` says otherwise: what a picker shows at once. */
export const DIRECTORY_PAGE = 20;

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class OrganisationDirectoryQueryDto {
  @Transform(trimmed)
  @TextField({
    optional: true,
    max: 100,
    description: 'A fragment of the name or the id (accents and case folded); absent = every organisation',
    example: 'valo',
  })
  q?: string;

  @EnumField(ORGANISATION_TYPES, { optional: true, description: 'Only organisations of this type' })
  type?: OrganisationType;

  @PageLimitField(DIRECTORY_PAGE) limit?: number;
  @PageCursorField('organisation directory') after?: string;
}
