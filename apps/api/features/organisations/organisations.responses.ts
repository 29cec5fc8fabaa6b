import { ORGANISATION_TYPES, type OrganisationType } from '../../../../libs/events/index.js';
import { OneOf, Obj, Str } from '../shared/response-fields.js';
import type { OrganisationItem, OrganisationPage } from './list-organisations.query.js';

export class OrganisationItemView implements OrganisationItem {
  @Str() organisationId: string;
  @OneOf(ORGANISATION_TYPES) organisationType: OrganisationType;
  @Str({ nullable: true, description: 'The latest name an event gave it; null when none did' }) name: string | null;
}

export class OrganisationDirectoryAnswer implements OrganisationPage {
  @Obj(() => OrganisationItemView, { each: true }) items: OrganisationItemView[];
  @Str({ nullable: true, description: 'Pass as `after` for the next page; null on the last' }) nextCursor:
    | string
    | null;
}
