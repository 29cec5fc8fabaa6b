import type { ChainVerification } from '../../event-store/index.js';
import { type EventRow, type HeadRow, RowChainWalker } from '../sql-event-rows/index.js';

/**
 * Re-computes hash chains from stored text. Rows must come per stream in version order
 * (global order satisfies that). Heads are the `streams` rows the chains must end at.
 */
export function checkChains(rows: Iterable<EventRow>, heads: Iterable<HeadRow>): ChainVerification {
  const walker = new RowChainWalker(heads);
  return walker.visit(rows) ?? walker.finish();
}
