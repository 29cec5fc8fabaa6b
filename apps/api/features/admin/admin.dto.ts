import { EnumField, IntField, TextField } from '../shared/dto-fields.js';
import { Transform } from 'class-transformer';

export class EraseClientDataDto {
  @EnumField(['retention_ended', 'client_request'], {
    description:
      'retention_ended: the retention period has ended (4 years after the TYP relationship; other clients a settable period after the last entry), checked; client_request: the client asked',
  })
  ground: 'retention_ended' | 'client_request';
  @TextField({ optional: true, max: 500 }) note?: string;
  @TextField({
    optional: true,
    max: 500,
    description:
      'client_request while a statutory retention period runs: the legal ground the register keeper records for erasing all the same',
  })
  legalGround?: string;
}

export class RetentionQueryDto {
  @Transform(({ value }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))
  @IntField(0, 50, {
    optional: true,
    description: "Years since the TYP relationship ended (default: the rule set's, 4)",
  })
  years?: number;
}
