import type { ClientSearchRow } from './client-search.js';
import type { NamedOrganisation } from './organisation-directory.js';

/**
 * The read models the projector maintains. A client's whole read model is recomputed in
 * memory from its previous model + new events, then persisted: one JSON document (the
 * service path) plus row sets that need indexed queries across clients.
 */

export interface CaseloadRow {
  clientId: string;
  personId: string; // the officer or instructor
  personName: string;
  organisationId: string;
  role: PersonRole;
  since: string; // YYYY-MM-DD
  /** The client's lead responsible officer (asiakasvastaava). */
  lead: boolean;
}

export type { DeadlineKind } from '../domain/rules/deadlines.js';
import type { PersonRole } from '../events/index.js';
import type { CompensationLine } from '../domain/rules/compensation.js';
import type { DeadlineKind } from '../domain/rules/deadlines.js';

export interface DeadlineRow {
  clientId: string;
  /** Organisation whose worklist shows the item. */
  organisationId: string;
  kind: DeadlineKind;
  dueDate: string; // YYYY-MM-DD
  refId: string; // plan, period or referral id
  description: string;
}

export interface OutcomeRow {
  clientId: string;
  periodId: string;
  serviceType: string;
  providerId: string;
  /** Organisation that recorded the period start. */
  organisationId: string;
  startDate: string;
  endDate: string;
  endReason: string;
  continuation: string;
}

/** One client's ledger line: a period's days and euros in a month, for one payer and component. */
export interface CompensationRow extends CompensationLine {
  clientId: string;
}

export interface ClientReadModel {
  clientId: string;
  /** Global position of the last event applied to this client. */
  lastPosition: bigint;
  /** The service path document served as-is to readers (JSON-serialisable). */
  path: Record<string, unknown>;
  /** Projection-internal state carried between events (JSON-serialisable). */
  state: Record<string, unknown>;
  caseload: CaseloadRow[];
  deadlines: DeadlineRow[];
  outcomes: OutcomeRow[];
  compensation: CompensationRow[];
  /** What finds the client (name, identity code, id) and who may find it; null before registration. */
  search: ClientSearchRow | null;
  /**
   * The organisations this client's events name, for the organisation directory. Written
   * into the directory (merged with every other client's), never read back by getClients:
   * the projection derives them from its carried state. Absent = names none.
   */
  organisations?: NamedOrganisation[];
}

/**
 * A model whose two documents are already JSON text: the projector's fold worker serialises
 * them off the thread that writes, and the adapters store the text as it is.
 */
export interface SerializedClientReadModel extends Omit<ClientReadModel, 'path' | 'state'> {
  pathJson: string;
  stateJson: string;
}

/** What commitBatch accepts: models as objects, or with their documents already serialised. */
export type CommittableModel = ClientReadModel | SerializedClientReadModel;

/** The two documents as JSON text, serialising them unless they already are. */
export function documentsJson(model: CommittableModel): { path: string; state: string } {
  return 'pathJson' in model
    ? { path: model.pathJson, state: model.stateJson }
    : { path: JSON.stringify(model.path), state: JSON.stringify(model.state) };
}
