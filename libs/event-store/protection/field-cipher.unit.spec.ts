import { randomBytes } from 'node:crypto';
import { decryptValue, encryptValue } from './field-cipher.js';

describe('field cipher IVs', () => {
  it('never repeats an IV, across refills of the IV pool, and every value decrypts', () => {
    const key = randomBytes(32);
    const stored = Array.from({ length: 1_500 }, (_, i) => encryptValue(key, i % 2 ? `nimi ${i}` : [`a${i}`, 'b']));
    const ivs = stored.map((s) => Buffer.from(s.slice('enc:v1:s:'.length), 'base64').subarray(0, 12).toString('hex'));
    expect(new Set(ivs).size).toBe(stored.length);
    stored.forEach((s, i) => {
      expect(decryptValue(key, s)).toEqual(i % 2 ? `nimi ${i}` : [`a${i}`, 'b']);
    });
  });
});
