import { resolve } from 'node:path';
import { commaList, directory, filePath, integer, matching, oneOf, onOff, oneOrZero, secret, url } from './kinds.js';
import type { Kind } from './setting.js';

const parsedValue = <T>(kind: Kind<T>, raw: string): T | undefined => {
  const parsed = kind.parse(raw);
  return 'value' in parsed ? parsed.value : undefined;
};
const problemOf = <T>(kind: Kind<T>, raw: string): string | undefined => {
  const parsed = kind.parse(raw);
  return 'problem' in parsed ? parsed.problem : undefined;
};

describe('setting kinds', () => {
  it('integer: accepts both bounds, refuses one past each and anything not a whole number', () => {
    const kind = integer(1, 64);
    expect(parsedValue(kind, '1')).toBe(1);
    expect(parsedValue(kind, '64')).toBe(64);
    expect(problemOf(kind, '0')).toBe('must be an integer from 1 to 64, got "0"');
    expect(problemOf(kind, '65')).toBe('must be an integer from 1 to 64, got "65"');
    for (const bad of ['-1', '2.5', '1e3', 'ten', '0x10']) expect(problemOf(kind, bad)).toMatch(/^must be an integer/);
    expect(parsedValue(integer(0, 65_535), '0')).toBe(0);
    expect(problemOf(integer(0, 65_535), '65536')).toMatch(/from 0 to 65535/);
  });

  it('on/off: both words in any case and their synonyms; anything else is refused', () => {
    for (const on of ['on', 'On', 'TRUE', '1', 'yes']) expect(parsedValue(onOff, on)).toBe(true);
    for (const off of ['off', 'false', '0', 'No']) expect(parsedValue(onOff, off)).toBe(false);
    expect(problemOf(onOff, 'maybe')).toBe('must be on or off, got "maybe"');
  });

  it('1 or 0: exactly those', () => {
    expect(parsedValue(oneOrZero, '1')).toBe(true);
    expect(parsedValue(oneOrZero, '0')).toBe(false);
    expect(problemOf(oneOrZero, 'yes')).toBe('must be 1 or 0, got "yes"');
  });

  it('enum: one of the listed values, case-sensitive', () => {
    const kind = oneOf(['memory', 'kafka'] as const);
    expect(parsedValue(kind, 'kafka')).toBe('kafka');
    expect(problemOf(kind, 'Kafka')).toBe('must be one of memory, kafka, got "Kafka"');
  });

  it('URL: the listed schemes only; a secret one is never echoed', () => {
    const kind = url(['http', 'https'], { expected: 'an http(s) URL' });
    expect(parsedValue(kind, 'https://idp.example/jwks')).toBe('https://idp.example/jwks');
    expect(parsedValue(kind, 'http://127.0.0.1:8080/keys')).toBe('http://127.0.0.1:8080/keys');
    expect(problemOf(kind, 'ftp://idp.example')).toBe('must be an http(s) URL, got "ftp://idp.example"');
    expect(problemOf(kind, 'not a url')).toMatch(/^must be an http\(s\) URL/);
    const hidden = url(['postgres'], { secret: true });
    expect(problemOf(hidden, 'mysql://user:password@h/db')).not.toContain('password');
  });

  it('pattern: what matches; a secret one is never echoed', () => {
    const kind = matching(/^[a-z_]+$/, 'a lower-case identifier');
    expect(parsedValue(kind, 'public')).toBe('public');
    expect(problemOf(kind, 'Bad-Name')).toBe('must be a lower-case identifier, got "Bad-Name"');
    expect(problemOf(matching(/^x$/, 'x', { secret: true }), 'hunter2')).toBe('must be x');
  });

  it('secret: at least the minimum length, either side of it, never echoed', () => {
    const kind = secret(32);
    expect(parsedValue(kind, 'a'.repeat(32))).toBe('a'.repeat(32));
    expect(problemOf(kind, 'a'.repeat(31))).toBe('must be at least 32 characters, got 31');
  });

  it('paths: resolved against the working directory; a file path refuses :memory:', () => {
    expect(parsedValue(filePath, 'x/events.sqlite')).toBe(resolve('x/events.sqlite'));
    expect(problemOf(filePath, ':memory:')).toBe('must be a file path, not :memory:');
    expect(parsedValue(directory, 'data')).toBe(resolve('data'));
  });

  it('comma list: trimmed entries, each checked, empty entries dropped', () => {
    const kind = commaList(/^[a-z0-9.-]+:\d{1,5}$/, 'host:port');
    expect(parsedValue(kind, ' a:1, b-2:9092 ,')).toEqual(['a:1', 'b-2:9092']);
    expect(problemOf(kind, 'a:1,localhost')).toBe('entries must be host:port, got "localhost"');
    expect(problemOf(kind, ' , ')).toBe('must list at least one host:port');
    expect(parsedValue(commaList(/^[a-z]+$/, 'scopes', { spacesToo: true }), 'openid profile,email')).toEqual([
      'openid',
      'profile',
      'email',
    ]);
  });
});
