import { CommandResultDto } from '../client-commands/index.js';
import { Bool, Day, Int, Obj, OneOf, Str } from '../shared/response-fields.js';

export class RetentionRowView {
  @Str() clientId: string;
  @Day() retentionEndedOn: string;
  @OneOf(['typ_retention', 'records_retention'], {
    description: 'TYP register (after the relationship) or other records (after the last entry)',
  })
  basis: string;
  @Str({ nullable: true, description: 'The ended TYP relationship; null for records retention' }) relationshipId:
    | string
    | null;
}

export class RetentionAnswer {
  @Day() today: string;
  @Int() years: number;
  @Obj(() => RetentionRowView, { each: true }) clients: RetentionRowView[];
}

/** The answer of every command (a replay when the data was already erased), plus the outcome. */
export class ErasureAnswer extends CommandResultDto {
  @Bool() erased: boolean;
}
