import { EnumField, IntField, TextField } from '../shared/dto-fields.js';
import { Transform } from 'class-transformer';

export class EraseClientDataDto {
  @EnumField(['typ_retention', 'client_request'], { description: 'typ_retention: 4 years after the TYP relationship ended (checked); client_request: where no law requires keeping the data' })
  ground: 'typ_retention' | 'client_request';
  @TextField({ optional: true, max: 500 }) note?: string;
}

export class RetentionQueryDto {
  @Transform(({ value }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))
  @IntField(0, 50, { optional: true, description: 'Years since the TYP relationship ended (default: the rule set\'s, 4)' })
  years?: number;
}
