/**
 * The projection the projector process runs: the client's service path, caseloads,
 * deadlines, outcomes and compensation (libs/projections/client-path). Pure and
 * deterministic, so a rebuild produces identical read models.
 */
export { applyEvent, applyEvents } from '../../../libs/projections/client-path/index.js';
export type { TimelineEntry } from '../../../libs/projections/client-path/index.js';
