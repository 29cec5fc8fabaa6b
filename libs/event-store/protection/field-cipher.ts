import { createCipheriv, createDecipheriv, createSecretKey, randomFillSync, type KeyObject } from 'node:crypto';
import { ERASED, type PersonalValue } from '../../events/index.js';

/**
 * One personal value <-> one self-describing string `enc:v1:<s|a>:<base64(iv|tag|ciphertext)>`
 * (s = string, a = string array; the plaintext is JSON.stringify(value)). A string keeps the
 * stored data valid JSON of the same shape for non-personal readers, and the kind tells what
 * an erased value reads as without a key. AES-256-GCM authenticates the value; the prefix
 * and kind are bound as associated data, so they cannot be swapped unnoticed either.
 */
const PREFIX = 'enc:v1:';
const IV_BYTES = 12;

/**
 * IVs come from a pool of CSPRNG bytes filled 4 KB at a time: the same randomness as one
 * randomBytes(12) per value, without a call into the system generator for each of them.
 * Each IV is a copy, and a chunk of the pool is handed out once.
 */
const IV_POOL = Buffer.allocUnsafe(IV_BYTES * 341);
let ivOffset = IV_POOL.length;
function nextIv(): Buffer {
  if (ivOffset + IV_BYTES > IV_POOL.length) {
    randomFillSync(IV_POOL);
    ivOffset = 0;
  }
  const iv = Buffer.from(IV_POOL.subarray(ivOffset, ivOffset + IV_BYTES));
  ivOffset += IV_BYTES;
  return iv;
}
const TAG_BYTES = 16;

type Kind = 's' | 'a';

/** A client's key: the stored bytes, or a KeyObject made from them once for many values. */
export type ValueKey = Buffer | KeyObject;

/**
 * A key for the values of one read or append: a Buffer is checked and imported by every
 * createCipheriv/createDecipheriv, a KeyObject once (about a sixth of each value's decryption).
 */
export const valueKeyOf = (key: Buffer): KeyObject => createSecretKey(key);

// The associated data per kind, built once: every value read and written binds one of these.
const AAD: Record<Kind, Buffer> = { s: Buffer.from(`${PREFIX}s`), a: Buffer.from(`${PREFIX}a`) };

export const isEncrypted = (value: unknown): value is string => typeof value === 'string' && value.startsWith(PREFIX);

export function encryptValue(key: ValueKey, value: PersonalValue): string {
  const kind: Kind = typeof value === 'string' ? 's' : 'a';
  const iv = nextIv(); // random per value: GCM must never reuse an IV under one key
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(AAD[kind]);
  const ciphertext = cipher.update(JSON.stringify(value), 'utf8');
  const rest = cipher.final(); // empty for GCM, kept for form; the tag exists only after it
  return `${PREFIX}${kind}:${Buffer.concat([iv, cipher.getAuthTag(), ciphertext, rest]).toString('base64')}`;
}

/** Throws when the value is malformed or fails authentication (tampered, or another key). */
export function decryptValue(key: ValueKey, stored: string): PersonalValue {
  const kind = kindOf(stored);
  const payload = Buffer.from(stored.slice(PREFIX.length + 2), 'base64');
  if (payload.length < IV_BYTES + TAG_BYTES) throw new Error('encrypted value too short');
  const decipher = createDecipheriv('aes-256-gcm', key, payload.subarray(0, IV_BYTES));
  decipher.setAAD(AAD[kind]);
  decipher.setAuthTag(payload.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  const plain = decipher.update(payload.subarray(IV_BYTES + TAG_BYTES));
  const rest = decipher.final(); // authenticates; GCM is a stream mode, so nothing is held back
  const value: unknown = JSON.parse((rest.length === 0 ? plain : Buffer.concat([plain, rest])).toString('utf8'));
  const ok =
    kind === 's' ? typeof value === 'string' : Array.isArray(value) && value.every((item) => typeof item === 'string');
  if (!ok) throw new Error(`decrypted value does not match kind '${kind}'`);
  return value as PersonalValue;
}

/** What a value reads as once its key is destroyed: same shape, no content (the kind alone tells). */
export const erasedValue = (stored: string): PersonalValue => (kindOf(stored) === 'a' ? [ERASED] : ERASED);

function kindOf(stored: string): Kind {
  const kind = stored.charAt(PREFIX.length);
  if ((kind !== 's' && kind !== 'a') || stored.charAt(PREFIX.length + 1) !== ':') {
    throw new Error('unknown encrypted value kind');
  }
  return kind;
}
