import { NO_STREAM, WrongExpectedVersionError, type KurrentDBClient } from '@kurrent/kurrentdb-client';
import type { PolkuEvent } from '../../events/index.js';
import {
  EventStoreFailureError,
  StreamVersionConflictError,
  type AppendOptions,
  type AppendResult,
} from '../../event-store/index.js';
import { actualVersionOf, isWrongExpectedVersion, toStoreError } from './errors.js';
import type { IdempotencyMarkers } from './idempotency.js';
import type { StreamNames } from './naming.js';
import { globalPositionOf, revisionOfVersion, streamStateFor } from './positions.js';
import { readStreamRecords } from './reads.js';
import { toEventData } from './stored-event.js';
import { check, readHead, validateBatch, type Head } from './head.js';

export interface AppendContext {
  client: KurrentDBClient;
  names: StreamNames;
  markers: IdempotencyMarkers;
  appendDeadlineMs: number;
  idempotencyWaitMs: number;
}

/** Rounds an 'any' append retries when others keep appending in between (it must chain on the real head). */
const MAX_ROUNDS = 50;

/**
 * One append: read the head (the chain needs the last hash; the ids catch duplicates), check
 * the expected version, then append with the exact expected revision, so the head we hashed
 * on is the head we append to. 'any' re-reads and retries when another append got in first.
 */
export async function appendEvents(
  ctx: AppendContext,
  clientId: string,
  events: PolkuEvent[],
  options: AppendOptions,
): Promise<AppendResult> {
  validateBatch(clientId, events);
  const key = options.idempotencyKey;
  const deadline = Date.now() + ctx.idempotencyWaitMs;
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const settled =
      key === undefined ? undefined : await ctx.markers.settle(key, clientId, deadline, options.requestHash);
    if (settled?.kind === 'replay') return settled.result;
    const head = await readHead(ctx.client, ctx.names, clientId);
    check(clientId, options.expectedVersion, head, events);
    if (key !== undefined && settled?.kind === 'free') {
      const reserved = await ctx.markers.reserve(settled.marker, {
        key,
        clientId,
        eventIds: events.map((e) => e.eventId),
        fromVersion: head.version.toString(),
        reservedAt: new Date().toISOString(),
        ...(options.requestHash !== undefined && { requestHash: options.requestHash }),
      });
      if (!reserved) continue; // another append with this key got in first: settle again
    }
    try {
      return await write(ctx, clientId, events, head, key);
    } catch (error) {
      // Our reservation (if any) is dead now: its slot holds the other append's events.
      if (!isWrongExpectedVersion(error)) throw toStoreError(error, `append to ${ctx.names.client(clientId)}`);
      if (options.expectedVersion !== 'any') {
        const actual = actualVersionOf(error) ?? (await readHead(ctx.client, ctx.names, clientId)).version;
        throw new StreamVersionConflictError(clientId, options.expectedVersion, actual);
      }
    }
  }
  throw new EventStoreFailureError(`Client stream ${clientId} kept changing during an append; retry`, true);
}

async function write(
  ctx: AppendContext,
  clientId: string,
  events: PolkuEvent[],
  head: Head,
  key?: string,
): Promise<AppendResult> {
  const stream = ctx.names.client(clientId);
  const batch = toEventData(events, head.version, head.lastHash, key);
  const result = await ctx.client.appendToStream(stream, batch.data, {
    streamState: streamStateFor(head.version),
    deadline: ctx.appendDeadlineMs,
  });
  const eventIds = events.map((e) => e.eventId);
  if (!result.success) {
    // only with throwOnAppendFailure=false in the connection string
    const current = result.nextExpectedRevision < 0n ? NO_STREAM : result.nextExpectedRevision;
    throw new WrongExpectedVersionError(undefined, {
      streamName: stream,
      expected: streamStateFor(head.version),
      current,
    });
  }
  // The append's commit position is its last event's; read it back if the server sent none.
  const lastGlobalPosition =
    globalPositionOf(result.position) ??
    (
      await readStreamRecords(ctx.client, stream, {
        fromRevision: revisionOfVersion(batch.lastVersion),
        maxCount: 1,
      })
    )[0]?.globalPosition;
  if (lastGlobalPosition === undefined)
    throw new EventStoreFailureError(`Appended events of ${stream} are not readable`, true);
  return { nextExpectedVersion: batch.lastVersion, lastGlobalPosition, eventIds, replayed: false };
}
