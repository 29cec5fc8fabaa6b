import { ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { NotFoundInStreamError } from '../../../../libs/domain/errors.js';
import type { AuditLog, DisclosureEntry, UsageEntry } from '../../../../libs/audit-log/index.js';
import { ClientAccessDeniedError } from '../../../../libs/application/index.js';
import { authoriseClientAccess, type ClientPathState } from '../../../../libs/domain/index.js';
import { carriedDecisionState, type Disclosure } from '../../../../libs/projections/client-path/index.js';
import type { ReadStore } from '../../../../libs/read-store/index.js';
import { AUDIT_LOG, CLOCK, READ_STORE, type Clock } from '../../infrastructure/tokens.js';
import type { ReadContext } from './read-context.js';

/** What a read of one client renders from its path document and state, and what that disclosed. */
export type ClientRender<T> = (
  path: Record<string, unknown>,
  state: ClientPathState,
) => { result: T; disclosures: Disclosure[] };

type Outcome = 'allowed' | 'refused';

/**
 * The gate in front of every read of one client's data: verifies the client relationship
 * from the projected state, and writes the usage log (allowed or refused) before any data
 * leaves. Disclosures across organisations are logged with the usage, in the same write.
 */
@Injectable()
export class ClientAccess {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * One client's documents through the gate: a refusal or an unknown client is logged and
   * thrown; otherwise `render` runs and its usage and disclosure entries are durable before
   * its result is returned. Reads the two documents only, not the client's row sets.
   */
  async readClient<T>(ctx: ReadContext, clientId: string, view: string, render: ClientRender<T>): Promise<T> {
    const docs = await this.store.clientDocuments(clientId);
    const state = carriedDecisionState(docs?.state);
    const decision = this.authorise(ctx, clientId, state);
    const at = this.clock().toISOString();
    if (!decision.allowed) {
      await this.audit.recordUsage([this.entry(ctx, clientId, view, 'refused', decision.reason, at)]);
      throw new ClientAccessDeniedError(clientId, decision.reason);
    }
    const used = this.entry(ctx, clientId, view, 'allowed', decision.bases.join(','), at);
    if (!docs || !state) {
      await this.audit.recordUsage([used]);
      throw new NotFoundInStreamError('client', clientId);
    }
    let rendered: ReturnType<ClientRender<T>>;
    try {
      rendered = render(docs.path, state);
    } catch (error) {
      await this.audit.recordUsage([used]); // the access happened even if nothing leaves
      throw error;
    }
    await this.audit.record([used], this.disclosureEntries(ctx, clientId, view, rendered.disclosures, at));
    return rendered.result;
  }

  /** For reads served from the event store (auditor replays): same gate, state given. */
  async gate(ctx: ReadContext, clientId: string, state: ClientPathState | null, view: string): Promise<void> {
    const decision = this.authorise(ctx, clientId, state);
    await this.audit.recordUsage([
      this.entry(
        ctx,
        clientId,
        view,
        decision.allowed ? 'allowed' : 'refused',
        decision.allowed ? decision.bases.join(',') : decision.reason,
        this.clock().toISOString(),
      ),
    ]);
    if (!decision.allowed) throw new ClientAccessDeniedError(clientId, decision.reason);
  }

  /**
   * Usage entries for several clients at once (caseloads, worklists, search hits): one write.
   * A null client id is an entry naming no client (a search that found nobody).
   */
  async logMany(
    ctx: ReadContext,
    clientIds: (string | null)[],
    view: string,
    detail: string | null = null,
  ): Promise<void> {
    const at = this.clock().toISOString();
    await this.audit.recordUsage(
      [...new Set(clientIds)].map((clientId) => this.entry(ctx, clientId, view, 'allowed', detail, at)),
    );
  }

  /** A read across clients this caller's role may not make: logged (naming no client), then refused. */
  async refuse(ctx: ReadContext, view: string, reason: string): Promise<never> {
    await this.audit.recordUsage([this.entry(ctx, null, view, 'refused', reason, this.clock().toISOString())]);
    throw new ForbiddenException(`The role '${ctx.principal.role}' may not ${view}`);
  }

  private authorise(ctx: ReadContext, clientId: string, state: ClientPathState | null) {
    const p = ctx.principal;
    return authoriseClientAccess(
      p.role,
      { personId: p.personId, organisationId: p.organisationId },
      state,
      'read',
      clientId,
    );
  }

  private entry(
    ctx: ReadContext,
    clientId: string | null,
    view: string,
    outcome: Outcome,
    detail: string | null,
    at: string,
  ): UsageEntry {
    const p = ctx.principal;
    return {
      at,
      personId: p.personId,
      organisationId: p.organisationId,
      role: p.role,
      clientId,
      view,
      purpose: ctx.purpose,
      outcome,
      detail,
      correlationId: ctx.correlationId,
    };
  }

  private disclosureEntries(
    ctx: ReadContext,
    clientId: string,
    view: string,
    disclosures: Disclosure[],
    at: string,
  ): DisclosureEntry[] {
    return disclosures.map((d) => ({
      at,
      clientId,
      fromOrganisationId: d.fromOrganisationId,
      toOrganisationId: ctx.principal.organisationId,
      toPersonId: ctx.principal.personId,
      what: `${view}: ${d.entries} entries`,
      basis: d.basis,
      channel: 'api',
      correlationId: ctx.correlationId,
    }));
  }
}
