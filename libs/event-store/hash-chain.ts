import { createHash } from 'node:crypto';
import type { PolkuEvent } from '../events/index.js';

/**
 * Tamper evidence: each event's hash covers its content and the previous event's hash in
 * the same client stream, so editing, removing or reordering a stored event breaks the chain
 * from that event on. Positions are not hashed: they belong to the store, not the fact.
 */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with sorted keys and no whitespace; bigint becomes a decimal string. */
export function canonicalJson(value: unknown): string {
  return write(value) ?? 'null';
}

// Mirrors JSON.stringify (toJSON, undefined dropped in objects / null in arrays), but sorted.
function write(value: unknown): string | undefined {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON(): unknown }).toJSON();
  }
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return `"${value.toString()}"`;
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map((item) => write(item) ?? 'null').join(',')}]`;
  const record = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const item = write(record[key]);
    if (item !== undefined) parts.push(`${JSON.stringify(key)}:${item}`);
  }
  return `{${parts.join(',')}}`;
}

/** What the hash covers; the event plus its place in the stream. */
export type HashableEvent = PolkuEvent & { streamVersion: bigint };

/**
 * The hashed content with actor and data given as canonical JSON text. Adapters that store
 * that text can re-hash without parsing; the result equals canonicalJson of the content object.
 */
export interface HashContent {
  eventId: string;
  type: string;
  schemaVersion: number;
  clientId: string;
  occurredAt: string;
  recordedAt: string;
  correlationId: string;
  causationId: string | null;
  streamVersion: bigint;
  actorJson: string;
  dataJson: string;
}

const str = JSON.stringify;

export function canonicalEventContent(c: HashContent): string {
  // Keys in sorted order, exactly as canonicalJson would emit them.
  return (
    `{"actor":${c.actorJson},"causationId":${c.causationId === null ? 'null' : str(c.causationId)}` +
    `,"clientId":${str(c.clientId)},"correlationId":${str(c.correlationId)},"data":${c.dataJson}` +
    `,"eventId":${str(c.eventId)},"occurredAt":${str(c.occurredAt)},"recordedAt":${str(c.recordedAt)}` +
    `,"schemaVersion":${canonicalJson(c.schemaVersion)},"streamVersion":"${c.streamVersion}","type":${str(c.type)}}`
  );
}

/** sha256 hex over previousHash + canonical content. */
export function chainHash(previousHash: string, canonicalContent: string): string {
  return createHash('sha256').update(previousHash).update(canonicalContent).digest('hex');
}

export function eventHash(previousHash: string, event: HashableEvent): string {
  return chainHash(
    previousHash,
    canonicalEventContent({
      ...event,
      causationId: event.causationId ?? null,
      actorJson: canonicalJson(event.actor),
      dataJson: canonicalJson(event.data),
    }),
  );
}

/** Outcome of re-computing the chain; a failure names the first event that does not verify. */
export type ChainVerification =
  | { intact: true; checked: number }
  | {
      intact: false;
      clientId: string;
      streamVersion: bigint;
      globalPosition: bigint;
      eventId: string;
      reason: string;
    };
