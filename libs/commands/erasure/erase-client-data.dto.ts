import { EnumField, TextField } from '../fields/index.js';

/** EraseClientData: an administrator's act over HTTP only, never an agency system's Kafka message. */
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
