import type { Filter, KurrentDBClient } from '@kurrent/kurrentdb-client';
import type { ChainVerification } from '../../event-store/index.js';
import { ChainWalker } from './chain.js';
import type { StreamNames } from './naming.js';
import { readAllRecords, readStreamRecords } from './reads.js';

/** Events per round trip when verifyAll walks $all. */
const VERIFY_PAGE = 1000;

/** Re-computes one client's chain; a missing stream is intact. */
export async function verifyStream(
  client: KurrentDBClient,
  names: StreamNames,
  clientId: string,
): Promise<ChainVerification> {
  const walker = new ChainWalker(names);
  return walker.visit(await readStreamRecords(client, names.client(clientId))) ?? walker.finish();
}

/** Re-computes every chain in $all order, a page at a time; reports the first broken event. */
export async function verifyAll(
  client: KurrentDBClient,
  names: StreamNames,
  filter: Filter,
): Promise<ChainVerification> {
  const walker = new ChainWalker(names);
  for (let after = 0n; ; ) {
    const page = await readAllRecords(client, filter, after, VERIFY_PAGE);
    const broken = walker.visit(page);
    if (broken) return broken;
    if (page.length < VERIFY_PAGE) return walker.finish();
    after = page[page.length - 1].globalPosition;
  }
}
