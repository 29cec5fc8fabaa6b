import { Controller, Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReadCtx, type ReadContext } from '../access/index.js';
import { ClientSearchQueryDto, SEARCH_PAGE } from './client-search.dto.js';
import { SearchClients } from './search-clients.query.js';
import { decodeSearchCursor } from './search-term.js';

@ApiTags('reads')
@Controller()
export class ClientSearchController {
  constructor(private readonly queries: QueryBus) {}

  @Get('clients/search')
  @ApiOperation({ summary: 'Find clients the caller may see by identity code, client id or name (paged; X-Purpose required)' })
  search(@QueryParams() q: ClientSearchQueryDto, @ReadCtx() ctx: ReadContext) {
    return this.queries.execute(new SearchClients(ctx, q.q, { limit: q.limit ?? SEARCH_PAGE, after: decodeSearchCursor(q.after) },
      q.minPosition === undefined ? undefined : BigInt(q.minPosition)));
  }
}
