import type { Consumer, EachBatchPayload, KafkaMessage, Producer } from 'kafkajs';
import { deadLetterHeaders, untilSettled, type InboundHandler, type InboundMessage } from '../../bus/index.js';
import { decodeHeaders } from './kafka-client.js';
import type { KafkaCommandInboxOptions, Settled } from './inbox-options.js';

export interface BatchContext {
  consumer: Consumer;
  /** Writes dead letters (idempotent, acks from all in-sync replicas). */
  producer: Producer;
  options: KafkaCommandInboxOptions;
  /** Aborted by stop(): no new message starts, a retry wait ends at once. */
  stopping: AbortSignal;
}

/**
 * Settles one fetched batch of a partition message by message. Offsets are committed by
 * hand and only ever cover settled messages: every `commitEvery`, at the batch's end, and
 * when stopping; the message in flight always finishes first.
 */
export async function processBatch(ctx: BatchContext, payload: EachBatchPayload, handler: InboundHandler): Promise<void> {
  const { batch, resolveOffset, heartbeat, isRunning, isStale } = payload;
  const { topic, partition } = batch;
  const every = ctx.options.commitEvery ?? { messages: 100, ms: 1000 };
  let settledUpTo: string | undefined;
  let pending = 0;
  let lastCommit = Date.now();
  const commit = async () => {
    if (settledUpTo === undefined) return;
    const offset = (BigInt(settledUpTo) + 1n).toString();
    settledUpTo = undefined;
    pending = 0;
    lastCommit = Date.now();
    try {
      await ctx.consumer.commitOffsets([{ topic, partition, offset }]);
    } catch (error) {
      // e.g. a rebalance took the partition: its next owner redelivers, idempotently.
      ctx.options.onError?.(error, `commit of ${topic}/${partition}@${offset} refused`);
    }
  };
  try {
    for (const message of batch.messages) {
      if (ctx.stopping.aborted || !isRunning() || isStale()) break; // the rest stays uncommitted
      const inbound = toInbound(topic, partition, message);
      const settled = await settle(ctx, inbound, message, heartbeat, handler);
      if (!settled) break; // stopped during a retry wait
      resolveOffset(message.offset);
      settledUpTo = message.offset;
      pending++;
      ctx.options.onSettled?.(inbound, settled);
      if (pending >= every.messages || Date.now() - lastCommit >= every.ms) await commit();
      await heartbeat();
    }
  } finally {
    await commit();
  }
}

/** The handler, redone until it settles, then the dead letter if any; undefined when stopped first. */
async function settle(
  ctx: BatchContext, inbound: InboundMessage, message: KafkaMessage, heartbeat: () => Promise<void>, handler: InboundHandler,
): Promise<Settled | undefined> {
  const signal = ctx.stopping;
  const backoffMs = ctx.options.retryBackoffMs ?? { min: 100, max: 5000 };
  const onRetry = async (error: unknown, attempt: number, delay: number) => {
    ctx.options.onRetry?.(inbound, error, attempt, delay);
    await heartbeat().catch(() => undefined); // a long retry must not cost us the partition
  };
  const settled = await untilSettled(() => handler(inbound), { signal, backoffMs, onRetry });
  if (settled?.outcome !== 'dead-letter') return settled;
  const at = (ctx.options.clock ?? (() => new Date()))();
  const sent = await untilSettled(async () => {
    await ctx.producer.send({
      topic: ctx.options.deadLetterTopic, acks: -1,
      messages: [{ key: message.key, value: message.value, headers: deadLetterHeaders(inbound, settled.reason, at) }],
    });
    return { outcome: 'sent' as const };
  }, { signal, backoffMs, onRetry });
  return sent ? settled : undefined;
}

function toInbound(topic: string, partition: number, message: KafkaMessage): InboundMessage {
  return {
    topic, partition, offset: message.offset, key: message.key?.toString('utf8') ?? null, value: message.value,
    headers: decodeHeaders(message.headers),
  };
}
