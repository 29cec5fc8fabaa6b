import { resolve } from 'node:path';
import type { Kind } from './setting.js';

const WHOLE = /^\d+$/;

/** A whole number within bounds (both inclusive). */
export function integer(min: number, max: number): Kind<number> {
  return {
    describe: `integer ${min}–${max}`,
    bounds: { min, max },
    parse(raw) {
      const value = Number(raw);
      if (!WHOLE.test(raw) || value < min || value > max)
        return { problem: `must be an integer from ${min} to ${max}, got "${raw}"` };
      return { value };
    },
  };
}

const ON = ['on', 'true', '1', 'yes'];
const OFF = ['off', 'false', '0', 'no'];

/** on/off (also true/false, 1/0, yes/no), any case. */
export const onOff: Kind<boolean> = {
  describe: '`on` or `off`',
  parse(raw) {
    const word = raw.toLowerCase();
    if (ON.includes(word)) return { value: true };
    if (OFF.includes(word)) return { value: false };
    return { problem: `must be on or off, got "${raw}"` };
  },
};

/** Exactly `1` or `0`. */
export const oneOrZero: Kind<boolean> = {
  describe: '`1` or `0`',
  parse(raw) {
    if (raw === '1' || raw === '0') return { value: raw === '1' };
    return { problem: `must be 1 or 0, got "${raw}"` };
  },
};

export function oneOf<const T extends string>(values: readonly T[]): Kind<T> {
  return {
    describe: values.map((v) => `\`${v}\``).join(', '),
    parse(raw) {
      if ((values as readonly string[]).includes(raw)) return { value: raw as T };
      return { problem: `must be one of ${values.join(', ')}, got "${raw}"` };
    },
  };
}

/** A URL whose scheme is one of `schemes` (without `:`); `secret` keeps the value out of the message. */
export function url(schemes: readonly string[], options: { expected?: string; secret?: boolean } = {}): Kind<string> {
  const expected = options.expected ?? `an ${schemes.join('/')} URL`;
  return {
    describe: `URL (${schemes.map((s) => `${s}://`).join(', ')})`,
    parse(raw) {
      let scheme: string | undefined;
      try {
        scheme = new URL(raw).protocol.replace(/:$/, '');
      } catch {
        scheme = undefined;
      }
      if (scheme !== undefined && schemes.includes(scheme)) return { value: raw };
      return { problem: options.secret ? `must be ${expected}` : `must be ${expected}, got "${raw}"` };
    },
  };
}

/** Text matching a pattern; `expected` says what is allowed. */
export function matching(pattern: RegExp, expected: string, options: { secret?: boolean } = {}): Kind<string> {
  return {
    describe: expected,
    parse(raw) {
      if (pattern.test(raw)) return { value: raw };
      return { problem: options.secret ? `must be ${expected}` : `must be ${expected}, got "${raw}"` };
    },
  };
}

/** Any non-empty text. */
export const text: Kind<string> = { describe: 'text', parse: (raw) => ({ value: raw }) };

/** A secret of at least `min` characters; its value never appears in a message. */
export function secret(min: number): Kind<string> {
  return {
    describe: `secret, at least ${min} characters`,
    parse(raw) {
      if (raw.length < min) return { problem: `must be at least ${min} characters, got ${raw.length}` };
      return { value: raw };
    },
  };
}

/** A file path, resolved against the working directory; `:memory:` is refused (nobody else would see it). */
export const filePath: Kind<string> = {
  describe: 'file path',
  parse(raw) {
    if (raw === ':memory:') return { problem: 'must be a file path, not :memory:' };
    return { value: resolve(raw) };
  },
};

/** A directory path, resolved against the working directory. */
export const directory: Kind<string> = { describe: 'directory path', parse: (raw) => ({ value: resolve(raw) }) };

/** A comma-separated list (`spacesToo`: blanks separate as well); every entry must match `entry`. */
export function commaList(entry: RegExp, expected: string, options: { spacesToo?: boolean } = {}): Kind<string[]> {
  const separator = options.spacesToo ? /[\s,]+/ : ',';
  return {
    describe: `${options.spacesToo ? 'comma- or space-separated' : 'comma-separated'} ${expected}`,
    parse(raw) {
      const entries = raw
        .split(separator)
        .map((e) => e.trim())
        .filter(Boolean);
      const bad = entries.filter((e) => !entry.test(e));
      if (entries.length === 0) return { problem: `must list at least one ${expected}` };
      if (bad.length > 0) return { problem: `entries must be ${expected}, got "${bad.join('", "')}"` };
      return { value: entries };
    },
  };
}
