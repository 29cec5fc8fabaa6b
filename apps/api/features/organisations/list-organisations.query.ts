import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { OrganisationType } from '../../../../libs/events/index.js';
import {
  organisationMatchText,
  type OrganisationDirectoryCursor,
  type ReadStore,
} from '../../../../libs/read-store/index.js';
import { RequestValidationException } from '../../../../libs/problem/validation.js';
import { READ_STORE } from '../../infrastructure/tokens.js';
import { encodeDirectoryCursor } from './directory-cursor.js';

export interface OrganisationItem {
  organisationId: string;
  organisationType: OrganisationType;
  name: string | null;
}
export interface OrganisationPage {
  items: OrganisationItem[];
  nextCursor: string | null;
}

export class ListOrganisations extends Query<OrganisationPage> {
  constructor(
    readonly q: string | undefined,
    readonly type: OrganisationType | undefined,
    readonly page: { limit: number; after?: OrganisationDirectoryCursor },
  ) {
    super();
  }
}

/**
 * A page of the organisation directory. Organisation names and ids are not client data:
 * nothing goes to the usage log, and no purpose is asked.
 */
@QueryHandler(ListOrganisations)
export class ListOrganisationsHandler implements IQueryHandler<ListOrganisations, OrganisationPage> {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  async execute({ q, type, page }: ListOrganisations): Promise<OrganisationPage> {
    const text = q === undefined ? undefined : organisationMatchText(q);
    if (text === '')
      throw new RequestValidationException([{ field: 'q', message: 'q must contain letters or digits' }]);
    // one row more than the page: tells whether another page follows
    const found = await this.store.organisationDirectory({ text, type, limit: page.limit + 1, after: page.after });
    const rows = found.slice(0, page.limit);
    const nextCursor = found.length > page.limit ? encodeDirectoryCursor(rows[rows.length - 1]!) : null;
    return {
      items: rows.map((r) => ({
        organisationId: r.organisationId,
        organisationType: r.organisationType,
        name: r.name,
      })),
      nextCursor,
    };
  }
}
