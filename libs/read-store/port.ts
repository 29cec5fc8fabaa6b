import type { ClientSearchHit, ClientSearchQuery } from './client-search.js';
import type { DirectoryOrganisation, OrganisationDirectoryQuery } from './organisation-directory.js';
import type {
  CaseloadRow,
  ClientReadModel,
  CommittableModel,
  CompensationRow,
  DeadlineKind,
  DeadlineRow,
} from './model.js';
import type { CompensationComponent, CompensationPayer } from '../domain/rule-sets/index.js';

export type ClientDocuments = Pick<ClientReadModel, 'lastPosition' | 'path' | 'state'>;

/**
 * The decision state the projector stored in a client's carried state, read without the rest
 * of it: a command that starts from it (libs/projections/client-path `decisionSnapshotOf`) then
 * parses only the decision state's own text, not the whole carried state it is escaped in. The
 * projector keeps these three keys at the top of `state`; each is null when the state has none
 * (stored unsealed, erased, or by code older than the snapshots).
 */
export interface StoredDecisionState {
  lastPosition: bigint;
  /** The stream version of the last event folded, as a decimal string. */
  streamVersion: string | null;
  /** The decision state as the JSON text its seal covers. */
  domainJson: string | null;
  domainSeal: string | null;
}

export interface WorklistQuery {
  organisationId: string;
  /** Items due on or before this date (YYYY-MM-DD). */
  dueOnOrBefore: string;
  kinds?: DeadlineKind[];
  /** Most rows to return (a page); absent = all. */
  limit?: number;
  /** Rows after this one in worklist order (the last row of the previous page). */
  after?: WorklistCursor;
}

/**
 * Worklist order: due date, client, kind, reference — a row's position in it. Pages are
 * cut by value (keyset), so rows added or removed between two pages never shift the next one.
 */
export type WorklistCursor = Pick<DeadlineRow, 'dueDate' | 'clientId' | 'kind' | 'refId'>;

export interface CaseloadCountRow {
  personId: string;
  personName: string;
  role: CaseloadRow['role'];
  clients: number;
}

export interface OutcomeStatsQuery {
  organisationId?: string;
  providerId?: string;
  serviceType?: string;
  /** Period end date within [from, to] (YYYY-MM-DD, inclusive). */
  from?: string;
  to?: string;
}

export interface OutcomeStatsRow {
  endReason: string;
  continuation: string;
  serviceType: string;
  providerId: string;
  organisationId: string;
  /** YYYY-MM of the end date. */
  month: string;
  periods: number;
}

export interface CompensationLedgerQuery {
  fromMonth?: string;
  toMonth?: string;
  payer?: CompensationPayer;
  component?: CompensationComponent;
  clientId?: string;
}

export interface CompensationLedgerRow {
  month: string;
  payer: CompensationPayer;
  component: CompensationComponent;
  attendedDays: number;
  euros: number;
  clients: number;
}

/**
 * Writes happen in one transaction per batch: client models and the checkpoint commit
 * together, so a crash never skips or double-applies an event.
 */
export interface ReadStoreWriter {
  getClients(clientIds: string[]): Promise<Map<string, ClientReadModel>>;
  commitBatch(models: CommittableModel[], checkpoint: bigint): Promise<void>;
  /** Drop every read model and reset the checkpoint to 0 (rebuild). */
  reset(): Promise<void>;
}

export interface ReadStoreReader {
  checkpoint(): Promise<bigint>;
  clientPath(clientId: string): Promise<{ path: Record<string, unknown>; lastPosition: bigint } | null>;
  /**
   * One client's two documents, path and carried state, without its row sets: what a read
   * of one client needs (access check and consent filter on the state, the path to serve).
   */
  clientDocuments(clientId: string): Promise<ClientDocuments | null>;
  /** One client's stored decision state alone: what the write side takes as a snapshot. */
  decisionState(clientId: string): Promise<StoredDecisionState | null>;
  caseload(personId: string): Promise<CaseloadRow[]>;
  /** How many clients each person of an organisation has, per role (a person in two roles: two rows). */
  caseloadCounts(organisationId: string): Promise<CaseloadCountRow[]>;
  worklist(query: WorklistQuery): Promise<DeadlineRow[]>;
  outcomeStats(query: OutcomeStatsQuery): Promise<OutcomeStatsRow[]>;
  compensationLedger(query: CompensationLedgerQuery): Promise<CompensationLedgerRow[]>;
  /** Compensation rows of one client (for a client's own view). */
  clientCompensation(clientId: string): Promise<CompensationRow[]>;
  /**
   * A page of the clients the viewer may find that match the term, in result order. Only
   * clients a holder admits are considered at all; a name or identity code matches only
   * where the viewer may see the identity data on `today` (a client id needs the holder alone).
   */
  searchClients(query: ClientSearchQuery): Promise<ClientSearchHit[]>;
  /**
   * A page of the organisation directory in listing order (sort name, id): those whose name
   * or id contains the text (normalised), of the type if one is given.
   */
  organisationDirectory(query: OrganisationDirectoryQuery): Promise<DirectoryOrganisation[]>;
}

export interface ReadStore extends ReadStoreWriter, ReadStoreReader {
  close(): Promise<void>;
}
