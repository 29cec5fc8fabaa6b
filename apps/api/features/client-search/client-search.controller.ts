import { Controller, Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { ReadCtx, type ReadContext } from '../access/index.js';
import { ReadRoute } from '../shared/read-route.js';
import { ClientSearchQueryDto, SEARCH_PAGE } from './client-search.dto.js';
import { ClientSearchAnswer } from './client-search.responses.js';
import { SearchClients } from './search-clients.query.js';
import { decodeSearchCursor } from './search-term.js';

@ApiTags('reads')
@Controller()
export class ClientSearchController {
  constructor(private readonly queries: QueryBus) {}

  @Get('clients/search')
  @ReadRoute(
    'Find clients the caller may see by identity code, client id or name (paged; X-Purpose required)',
    ClientSearchAnswer,
    [400, 401, 403, 422, 503],
  )
  search(@QueryParams() q: ClientSearchQueryDto, @ReadCtx() ctx: ReadContext) {
    return this.queries.execute(
      new SearchClients(
        ctx,
        q.q,
        { limit: q.limit ?? SEARCH_PAGE, after: decodeSearchCursor(q.after) },
        q.minPosition === undefined ? undefined : BigInt(q.minPosition),
      ),
    );
  }
}
