import { Controller, Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { RequireRoles } from '../../infrastructure/auth/index.js';
import { ReadRoute } from '../shared/read-route.js';
import { DIRECTORY_PAGE, OrganisationDirectoryQueryDto } from './organisations.dto.js';
import { OrganisationDirectoryAnswer } from './organisations.responses.js';
import { ListOrganisations } from './list-organisations.query.js';
import { decodeDirectoryCursor } from './directory-cursor.js';

/** The organisation directory, for staff choosing an organisation (a referral's receiver, a provider). */
@ApiTags('reads')
@Controller()
export class OrganisationsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('organisations')
  @RequireRoles('officer', 'instructor', 'auditor', 'admin')
  @ReadRoute(
    'The organisation directory: every organisation recorded events name, with its type and latest name (paged; no X-Purpose: not client data)',
    OrganisationDirectoryAnswer,
    [400, 401, 403, 503],
  )
  list(@QueryParams() q: OrganisationDirectoryQueryDto) {
    return this.queries.execute(
      new ListOrganisations(q.q, q.type, { limit: q.limit ?? DIRECTORY_PAGE, after: decodeDirectoryCursor(q.after) }),
    );
  }
}
