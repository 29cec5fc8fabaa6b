import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import { IntField, PageCursorField, toQueryInt as toInt } from '../../../../libs/commands/fields/dto-fields.js';
import { PathQueryDto } from '../reads/reads.dto.js';

/** Hits per page unless `limit` says otherwise: one screen of a search result. */
export const SEARCH_PAGE = 20;
export const SEARCH_PAGE_MAX = 100;

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class ClientSearchQueryDto extends PathQueryDto {
  @ApiProperty({
    description: 'An identity code (henkilötunnus), a client id, or the beginnings of name words (all must match)',
    example: 'virtanen mai',
    minLength: 2,
    maxLength: 100,
    pattern: '^\\S[^\\u0000-\\u001F\\u007F\\uD800-\\uDFFF]*\\S$',
  })
  @Transform(trimmed)
  @IsString()
  @Length(2, 100, { message: 'q must be 2-100 characters' })
  q!: string;

  @Transform(toInt)
  @IntField(1, SEARCH_PAGE_MAX, { optional: true, description: `Hits per page (default ${SEARCH_PAGE})` })
  limit?: number;

  @PageCursorField('search') after?: string;
}
