import type { Consumer, EachBatchPayload, KafkaMessage, Producer } from 'kafkajs';
import { deadLetterHeaders, untilSettled, type InboundMessage } from '../../bus/index.js';
import { decodeHeaders } from './kafka-client.js';
import { batchScope } from './batch-scope.js';
import type { BatchScope, KafkaCommandInboxOptions, ScopedInboundHandler, Settled } from './inbox-options.js';
import type { Limiter } from './limiter.js';
import { PartitionCommits } from './partition-commits.js';
import { SettledOffsets } from './settled-offsets.js';

export interface BatchContext {
  consumer: Consumer;
  /** Writes dead letters (idempotent, acks from all in-sync replicas). */
  producer: Producer;
  options: KafkaCommandInboxOptions;
  /** Commands in flight across all partitions. */
  limiter: Limiter;
  /** Aborted by stop(): no new message starts, a retry wait ends at once. */
  stopping: AbortSignal;
}

const HEARTBEAT_EVERY_MS = 1000;

/**
 * Settles one fetched batch of a partition. Messages are grouped by key (the client id):
 * one key's messages run one after another in offset order, different keys run at once
 * (bounded by the shared limiter). A `retry` holds only its own key. Offsets are resolved
 * and committed up to the highest offset below which every message is settled: every
 * `commitEvery`, at the batch's end, and when stopping; messages in flight always finish
 * first, and the batch returns only when all of it is settled (or we are stopping), so the
 * next batch of this partition never overtakes it.
 */
export async function processBatch(
  ctx: BatchContext,
  payload: EachBatchPayload,
  handler: ScopedInboundHandler,
): Promise<void> {
  const { batch, resolveOffset, heartbeat, isRunning, isStale } = payload;
  const { topic, partition } = batch;
  const every = ctx.options.commitEvery ?? { messages: 1000, ms: 1000 };
  const settled = new SettledOffsets(batch.messages);
  const commits = new PartitionCommits(ctx.consumer, topic, partition, ctx.options.onError);
  const scope = batchScope();
  // A refused heartbeat (e.g. a rebalance) ends the batch early, its settled part committed,
  // and is rethrown so kafkajs rejoins the group.
  let heartbeatFailure: { error: unknown } | undefined;
  const stopped = () => ctx.stopping.aborted || !isRunning() || isStale() || heartbeatFailure !== undefined;
  let sinceCommit = 0;
  let lastCommit = Date.now();
  let lastHeartbeat = Date.now();

  const afterSettling = async (index: number) => {
    sinceCommit++;
    const upTo = settled.settle(index);
    if (upTo !== undefined) {
      resolveOffset(upTo);
      if (sinceCommit >= every.messages || Date.now() - lastCommit >= every.ms) {
        sinceCommit = 0;
        lastCommit = Date.now();
        void commits.request(upTo);
      }
    }
    if (Date.now() - lastHeartbeat >= HEARTBEAT_EVERY_MS) {
      lastHeartbeat = Date.now();
      await heartbeat().catch((error: unknown) => {
        heartbeatFailure ??= { error };
      });
    }
  };

  const runLane = async (lane: number[]) => {
    for (const index of lane) {
      const message = batch.messages[index];
      const release = await ctx.limiter.acquire();
      let outcome: Settled | undefined;
      const inbound = toInbound(topic, partition, message);
      try {
        if (stopped()) return; // the rest of this key stays uncommitted
        outcome = await settle(ctx, inbound, message, heartbeat, handler, scope);
      } finally {
        release();
      }
      if (!outcome) return; // stopped during a retry wait
      ctx.options.onSettled?.(inbound, outcome);
      await afterSettling(index);
    }
  };

  try {
    // every lane ends before the batch does, even when one fails: no key may still be running
    // when kafkajs fetches (and hands out) this partition again
    const lanes = await Promise.allSettled(lanesByKey(batch.messages).map(runLane));
    const failed = lanes.find((l): l is PromiseRejectedResult => l.status === 'rejected');
    if (failed) throw failed.reason;
  } finally {
    if (settled.upTo !== undefined) await commits.request(settled.upTo);
    await commits.flush();
  }
  if (heartbeatFailure) throw heartbeatFailure.error;
}

/** Indexes of the batch's messages, one list per key, each in offset order. */
function lanesByKey(messages: KafkaMessage[]): number[][] {
  const lanes = new Map<string, number[]>();
  messages.forEach((m, i) => {
    const key = m.key === null ? '' : m.key.toString('latin1'); // any byte-exact text will do
    const lane = lanes.get(key);
    if (lane) lane.push(i);
    else lanes.set(key, [i]);
  });
  return [...lanes.values()];
}

/** The handler, redone until it settles, then the dead letter if any; undefined when stopped first. */
async function settle(
  ctx: BatchContext,
  inbound: InboundMessage,
  message: KafkaMessage,
  heartbeat: () => Promise<void>,
  handler: ScopedInboundHandler,
  scope: BatchScope,
): Promise<Settled | undefined> {
  const signal = ctx.stopping;
  const backoffMs = ctx.options.retryBackoffMs ?? { min: 100, max: 5000 };
  const onRetry = async (error: unknown, attempt: number, delay: number) => {
    ctx.options.onRetry?.(inbound, error, attempt, delay);
    await heartbeat().catch(() => undefined); // a long retry must not cost us the partition
  };
  const settled = await untilSettled(() => handler(inbound, scope), { signal, backoffMs, onRetry });
  if (settled?.outcome !== 'dead-letter') return settled;
  const at = (ctx.options.clock ?? (() => new Date()))();
  const sent = await untilSettled(
    async () => {
      await ctx.producer.send({
        topic: ctx.options.deadLetterTopic,
        acks: -1,
        messages: [{ key: message.key, value: message.value, headers: deadLetterHeaders(inbound, settled.reason, at) }],
      });
      return { outcome: 'sent' as const };
    },
    { signal, backoffMs, onRetry },
  );
  return sent ? settled : undefined;
}

function toInbound(topic: string, partition: number, message: KafkaMessage): InboundMessage {
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key?.toString('utf8') ?? null,
    value: message.value,
    headers: decodeHeaders(message.headers),
  };
}
