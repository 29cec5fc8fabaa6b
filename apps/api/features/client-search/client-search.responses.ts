import { Day, Obj, Str } from '../shared/response-fields.js';
import type { ClientSearchItem, ClientSearchResult } from './search-clients.query.js';

/** A hit: the name and the rest only where the caller may see the client's identity data. */
export class ClientSearchItemView implements ClientSearchItem {
  @Str() clientId: string;
  @Str({ nullable: true }) fullName: string | null;
  @Day({ nullable: true }) birthDate: string | null;
  @Str({ nullable: true }) municipality: string | null;
}

export class ClientSearchAnswer implements ClientSearchResult {
  @Obj(() => ClientSearchItemView, { each: true }) items: ClientSearchItemView[];
  @Str({ nullable: true, description: 'Pass as `after` for the next page; null on the last' }) nextCursor:
    | string
    | null;
}
