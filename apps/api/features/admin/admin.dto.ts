import { IntField } from '../../../../libs/commands/fields/index.js';
import { Transform } from 'class-transformer';

export class RetentionQueryDto {
  @Transform(({ value }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))
  @IntField(0, 50, {
    optional: true,
    description: "Years since the TYP relationship ended (default: the rule set's, 4)",
  })
  years?: number;
}
