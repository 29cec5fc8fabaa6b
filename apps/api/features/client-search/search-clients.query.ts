import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { authoriseClientAccess } from '../../../../libs/domain/index.js';
import type { ClientSearchCursor, ReadStore, SearchViewer } from '../../../../libs/read-store/index.js';
import { CLOCK, EVENT_STORE, READ_STORE, type Clock } from '../../infrastructure/tokens.js';
import type { EventStore } from '../../../../libs/event-store/index.js';
import { ClientAccess, type ReadContext } from '../access/index.js';
import { waitForProjection } from '../reads/wait-for-projection.js';
import { encodeSearchCursor, searchLogDetail, searchTermOf } from './search-term.js';

export interface ClientSearchItem {
  clientId: string;
  fullName: string | null;
  birthDate: string | null;
  municipality: string | null;
}
export interface ClientSearchResult {
  items: ClientSearchItem[];
  nextCursor: string | null;
}

export class SearchClients extends Query<ClientSearchResult> {
  constructor(
    readonly ctx: ReadContext,
    readonly q: string,
    readonly page: { limit: number; after?: ClientSearchCursor },
    readonly minPosition?: bigint,
  ) {
    super();
  }
}

const VIEW = 'search';
/** Asked of the access policy as "some client this caller has no relationship with". */
const ANY_CLIENT = '';

/**
 * Finding a client among those the caller may see. The role is asked of the domain's access
 * policy: a role that reads every client (auditor) searches them all; one that needs a client
 * relationship (officer, instructor, agency system) finds only clients whose relationship
 * holders admit them, filtered in the read store's query; any other role is refused. The
 * search and the clients it returned are in the usage log before the page leaves.
 */
@QueryHandler(SearchClients)
export class SearchClientsHandler implements IQueryHandler<SearchClients, ClientSearchResult> {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(ClientAccess) private readonly access: ClientAccess,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  async execute({ ctx, q, page, minPosition }: SearchClients): Promise<ClientSearchResult> {
    const term = searchTermOf(q);
    const p = ctx.principal;
    const decision = authoriseClientAccess(
      p.role,
      { personId: p.personId, organisationId: p.organisationId },
      null,
      'read',
      ANY_CLIENT,
    );
    let viewer: SearchViewer;
    if (decision.allowed) viewer = { everyone: true };
    else if (decision.reason === 'no_client_relationship')
      viewer = { everyone: false, organisationId: p.organisationId, personId: p.personId };
    else return this.access.refuse(ctx, VIEW, decision.reason);
    await waitForProjection(this.store, minPosition, this.events);
    // one hit more than the page: tells whether another page follows
    const found = await this.store.searchClients({
      term,
      viewer,
      today: this.clock().toISOString().slice(0, 10),
      limit: page.limit + 1,
      after: page.after,
    });
    const hits = found.slice(0, page.limit);
    const nextCursor = found.length > page.limit ? encodeSearchCursor(hits[hits.length - 1]) : null;
    const items = hits.map(({ sortName: _, ...item }) => item);
    await this.access.logMany(
      ctx,
      items.length > 0 ? items.map((i) => i.clientId) : [null],
      VIEW,
      searchLogDetail(term),
    );
    return { items, nextCursor };
  }
}
