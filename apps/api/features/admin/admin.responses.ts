import { CommandResultDto } from '../client-commands/index.js';
import { Bool, Day, Int, Obj, Str } from '../shared/response-fields.js';

export class RetentionRowView {
  @Str() clientId: string;
  @Day() retentionEndedOn: string;
  @Str() relationshipId: string;
}

export class RetentionAnswer {
  @Day() today: string;
  @Int() years: number;
  @Obj(() => RetentionRowView, { each: true }) clients: RetentionRowView[];
}

export class ErasureAnswer {
  @Str() clientId: string;
  @Bool() erased: boolean;
  @Obj(() => CommandResultDto, { nullable: true, description: 'Null when the data was already erased' }) recorded: CommandResultDto | null;
}
