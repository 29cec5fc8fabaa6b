import type { Pool, PoolClient } from 'pg';
import {
  CheckpointRegressionError,
  type CaseloadRow,
  type ClientReadModel,
  type ClientSearchRow,
  type SearchHolder,
  type SearchIdentityViewer,
  type CommittableModel,
  type DeadlineRow,
  type OutcomeRow,
} from '../../read-store/index.js';
import { inTransaction } from '../postgres-common/index.js';
import { batchParams, toCompensation, type CompensationDbRow, type SearchDbRow } from './rows.js';
import { CHECKPOINT_NAME } from './schema.js';
import type { Statements } from './statements.js';

type ModelRow = Pick<ClientReadModel, 'clientId' | 'lastPosition' | 'path' | 'state'>;

/** Whole client models, in one snapshot so a model and its derived rows come from the same batch. */
export async function loadModels(
  pool: Pool,
  sql: Statements,
  clientIds: string[],
): Promise<Map<string, ClientReadModel>> {
  const ids = [...new Set(clientIds)];
  const models = new Map<string, ClientReadModel>();
  if (ids.length === 0) return models;
  await inTransaction(
    pool,
    async (client) => {
      const rows = async <R>(text: string) => (await client.query(text, [ids])).rows as R[];
      for (const m of await rows<ModelRow>(sql.getModels)) {
        models.set(m.clientId, { ...m, caseload: [], deadlines: [], outcomes: [], compensation: [], search: null });
      }
      // derived rows come back too, so a projection may carry them forward unchanged
      const attach = <R extends { clientId: string }>(list: R[], pick: (m: ClientReadModel) => R[]) => {
        for (const row of list) {
          const m = models.get(row.clientId);
          if (m) pick(m).push(row);
        }
      };
      attach(await rows<CaseloadRow>(sql.getCaseloadOf), (m) => m.caseload);
      attach(await rows<DeadlineRow>(sql.getDeadlinesOf), (m) => m.deadlines);
      attach(await rows<OutcomeRow>(sql.getOutcomesOf), (m) => m.outcomes);
      attach((await rows<CompensationDbRow>(sql.getCompensationOf)).map(toCompensation), (m) => m.compensation);
      for (const r of await rows<SearchDbRow>(sql.getSearchOf)) {
        const m = models.get(r.clientId);
        if (m) m.search = { ...r, holders: [], identityViewers: [] };
      }
      const attachSearch = <R extends { clientId: string }>(
        list: R[],
        pick: (s: ClientSearchRow) => Omit<R, 'clientId'>[],
      ) => {
        for (const { clientId, ...row } of list) {
          const found = models.get(clientId)?.search;
          if (found) pick(found).push(row);
        }
      };
      attachSearch(await rows<SearchHolder & { clientId: string }>(sql.getHoldersOf), (r) => r.holders);
      attachSearch(
        await rows<SearchIdentityViewer & { clientId: string }>(sql.getIdentityViewersOf),
        (r) => r.identityViewers,
      );
    },
    'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
  );
  return models;
}

/**
 * One batch: models, their derived rows and the checkpoint in one transaction, under the
 * schema's commit lock so two writers cannot interleave. A few set-based statements per
 * batch (unnest arrays), not a loop per model.
 */
export async function commitModels(
  pool: Pool,
  sql: Statements,
  schema: string,
  models: CommittableModel[],
  checkpoint: bigint,
): Promise<void> {
  const p = batchParams(models); // serialises first: a bad model fails before anything is written
  await inTransaction(pool, async (client) => {
    await client.query(sql.commitLock, [schema]);
    const current = await readCheckpoint(client, sql);
    // a checkpoint moving backwards means a second writer: refuse rather than interleave
    if (checkpoint < current) throw new CheckpointRegressionError(current, checkpoint);
    if (p.ids.length > 0) {
      await client.query(sql.upsertModels, p.models);
      for (const text of sql.deleteRows) await client.query(text, [p.ids]);
      if (p.caseload[0].length > 0) await client.query(sql.insertCaseload, p.caseload);
      if (p.deadlines[0].length > 0) await client.query(sql.insertDeadlines, p.deadlines);
      if (p.outcomes[0].length > 0) await client.query(sql.insertOutcomes, p.outcomes);
      if (p.compensation[0].length > 0) await client.query(sql.insertCompensation, p.compensation);
      if (p.search[0].length > 0) await client.query(sql.insertSearch, p.search);
      if (p.searchWords[0].length > 0) await client.query(sql.insertSearchWords, p.searchWords);
      if (p.holderWords[0].length > 0) await client.query(sql.insertHolderWords, p.holderWords);
      if (p.holders[0].length > 0) await client.query(sql.insertHolders, p.holders);
      if (p.identityViewers[0].length > 0) await client.query(sql.insertIdentityViewers, p.identityViewers);
      if (p.organisations[0].length > 0) await client.query(sql.upsertOrganisations, p.organisations);
    }
    await client.query(sql.setCheckpoint, [CHECKPOINT_NAME, checkpoint]);
  });
}

export async function readCheckpoint(db: Pool | PoolClient, sql: Statements): Promise<bigint> {
  const { rows } = await db.query<{ position: bigint }>(sql.getCheckpoint, [CHECKPOINT_NAME]);
  return rows[0]?.position ?? 0n;
}
