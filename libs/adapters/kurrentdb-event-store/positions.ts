import { NO_STREAM, START, type AppendStreamState, type Position, type ReadPosition } from '@kurrent/kurrentdb-client';

/**
 * Versions and positions. Polku stream versions are 1-based (0n = no stream); KurrentDB
 * revisions are 0-based. Polku's global position is the event's **commit position** in the
 * KurrentDB transaction log: strictly increasing in $all order, but NOT dense (it is a byte
 * offset, so consecutive events differ by their record sizes). Every event appended through
 * gRPC is committed implicitly, so its commit and prepare positions are equal and unique;
 * `{ commit: p, prepare: p }` therefore addresses exactly the event at position p.
 */

export const versionOfRevision = (revision: bigint): bigint => revision + 1n;

/** The revision of the event with this version (version >= 1n). */
export function revisionOfVersion(version: bigint): bigint {
  if (version < 1n) throw new RangeError(`stream version must be >= 1, got ${version}`);
  return version - 1n;
}

/** The append's expected state for a stream currently at `version`: NO_STREAM for 0n, else its last revision. */
export const streamStateFor = (version: bigint): AppendStreamState =>
  version === 0n ? NO_STREAM : revisionOfVersion(version);

/** u64::MAX: what servers before 22.6 sent for "no position" on stream reads. */
const NO_POSITION = 0xffff_ffff_ffff_ffffn;

/** Polku's global position of a read event; undefined when the server did not send a real one. */
export function globalPositionOf(position: Position | undefined): bigint | undefined {
  if (!position || position.commit < 0n || position.commit >= NO_POSITION) return undefined;
  return position.commit;
}

/**
 * Where a forward $all read starts for `readAll({ after })`. KurrentDB's from-position is
 * inclusive; the port's `after` is exclusive, so the caller drops an event AT `after` (see
 * `isAfter`). `after` must be 0n or a position this store returned.
 */
export function readFromPosition(after: bigint): ReadPosition {
  if (after < 0n) throw new RangeError(`after must be >= 0, got ${after}`);
  return after === 0n ? START : { commit: after, prepare: after };
}

export const isAfter = (position: bigint, after: bigint): boolean => position > after;
