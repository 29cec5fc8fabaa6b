import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { AuditLog } from '../../../../libs/audit-log/index.js';
import { ClientAccessDeniedError } from '../../../../libs/application/index.js';
import { authoriseClientAccess, type ClientPathState } from '../../../../libs/domain/index.js';
import type { Disclosure } from '../../../../libs/projections/client-path/index.js';
import type { ClientReadModel, ReadStore } from '../../../../libs/read-store/index.js';
import { AUDIT_LOG, CLOCK, READ_STORE, type Clock } from '../../infrastructure/tokens.js';
import type { ReadContext } from './read-context.js';

/**
 * The gate in front of every read of one client's data: verifies the client relationship
 * from the projected state, and writes the usage log (allowed or refused) before any data
 * leaves. Disclosures across organisations are logged by `disclosed`.
 */
@Injectable()
export class ClientAccess {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async openForRead(ctx: ReadContext, clientId: string, view: string): Promise<{ model: ClientReadModel; state: ClientPathState }> {
    const model = (await this.store.getClients([clientId])).get(clientId);
    const state = (model?.state as { domain?: ClientPathState } | undefined)?.domain ?? null;
    const decision = this.authorise(ctx, clientId, state);
    await this.logUsage(ctx, clientId, view, decision.allowed ? 'allowed' : 'refused', decision.allowed ? decision.bases.join(',') : decision.reason);
    if (!decision.allowed) throw new ClientAccessDeniedError(clientId, decision.reason);
    if (!model || !state) throw new NotFoundException(`client ${clientId} not found`);
    return { model, state };
  }

  /** For reads served from the event store (auditor replays): same gate, state given. */
  async gate(ctx: ReadContext, clientId: string, state: ClientPathState | null, view: string): Promise<void> {
    const decision = this.authorise(ctx, clientId, state);
    await this.logUsage(ctx, clientId, view, decision.allowed ? 'allowed' : 'refused', decision.allowed ? decision.bases.join(',') : decision.reason);
    if (!decision.allowed) throw new ClientAccessDeniedError(clientId, decision.reason);
  }

  async disclosed(ctx: ReadContext, clientId: string, view: string, disclosures: Disclosure[]): Promise<void> {
    const at = this.clock().toISOString();
    await this.audit.recordDisclosures(disclosures.map((d) => ({
      at, clientId, fromOrganisationId: d.fromOrganisationId, toOrganisationId: ctx.principal.organisationId,
      toPersonId: ctx.principal.personId, what: `${view}: ${d.entries} entries`, basis: d.basis, channel: 'api', correlationId: ctx.correlationId,
    })));
  }

  /** Usage entries for several clients at once (caseloads, worklists). */
  async logMany(ctx: ReadContext, clientIds: string[], view: string): Promise<void> {
    const at = this.clock().toISOString();
    await this.audit.recordUsage([...new Set(clientIds)].map((clientId) => this.entry(ctx, clientId, view, 'allowed', null, at)));
  }

  private authorise(ctx: ReadContext, clientId: string, state: ClientPathState | null) {
    const p = ctx.principal;
    return authoriseClientAccess(p.role, { personId: p.personId, organisationId: p.organisationId }, state, 'read', clientId);
  }

  private logUsage(ctx: ReadContext, clientId: string, view: string, outcome: 'allowed' | 'refused', detail: string) {
    return this.audit.recordUsage([this.entry(ctx, clientId, view, outcome, detail, this.clock().toISOString())]);
  }

  private entry(ctx: ReadContext, clientId: string, view: string, outcome: 'allowed' | 'refused', detail: string | null, at: string) {
    const p = ctx.principal;
    return { at, personId: p.personId, organisationId: p.organisationId, role: p.role, clientId, view, purpose: ctx.purpose, outcome, detail, correlationId: ctx.correlationId };
  }
}
