import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { jest } from '@jest/globals';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { loadApiConfig } from '../config/index.js';
import { mintToken, type MintSpec } from './token-minter.js';
import { TokenVerifier } from './token-verifier.js';

/** The verified-token cache must not change what is accepted: expiry, not-before and key rotation. */
const officer: MintSpec = {
  personId: 'officer-1',
  displayName: 'Officer One',
  organisationId: 'te-1',
  organisationType: 'employment_authority',
  role: 'officer',
};
const start = new Date('2026-03-02T10:00:00Z');
const later = (seconds: number) => new Date(start.getTime() + seconds * 1000);

describe('TokenVerifier, hs256 (verified tokens remembered)', () => {
  const config = loadApiConfig({
    NODE_ENV: 'test',
    DATA_DIR: '/nonexistent',
    JWT_SECRET: 'unit-test-secret-0123456789abcdefghij',
  });
  const auth = config.auth as Extract<typeof config.auth, { mode: 'hs256' }>;
  let now = start;
  const verifier = new TokenVerifier(config, () => now);
  beforeEach(() => {
    now = start;
  });

  it('answers a reused token with the same frozen principal', async () => {
    const token = await mintToken(officer, auth.secret, auth.issuer, auth.audience, { now: start });
    const first = await verifier.verify(token);
    expect(await verifier.verify(token)).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first.actor)).toBe(true);
  });

  it('refuses a cached token once it has expired (with the clock tolerance), as an expired token', async () => {
    const token = await mintToken({ ...officer, ttl: '60s' }, auth.secret, auth.issuer, auth.audience, { now: start });
    await expect(verifier.verify(token)).resolves.toMatchObject({ personId: 'officer-1' });
    now = later(89);
    await expect(verifier.verify(token)).resolves.toMatchObject({ personId: 'officer-1' });
    now = later(90);
    await expect(verifier.verify(token)).rejects.toMatchObject({
      problem: { status: 401, claim: 'exp', detail: 'The token has expired.' },
    });
  });

  it('does not accept a token before its not-before time, however it was cached', async () => {
    const nbf = Math.floor(start.getTime() / 1000) + 300;
    const token = await new SignJWT({
      name: 'Officer One',
      org: 'te-1',
      org_type: 'employment_authority',
      role: 'officer',
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('officer-1')
      .setIssuer(auth.issuer)
      .setAudience(auth.audience)
      .setNotBefore(nbf)
      .setExpirationTime(nbf + 600)
      .sign(new TextEncoder().encode(auth.secret));
    await expect(verifier.verify(token)).rejects.toMatchObject({ problem: { status: 401, claim: 'nbf' } });
    now = later(300);
    await expect(verifier.verify(token)).resolves.toMatchObject({ personId: 'officer-1' });
    now = start; // a clock set back: the cached verification does not apply before nbf either
    await expect(verifier.verify(token)).rejects.toMatchObject({ problem: { status: 401, claim: 'nbf' } });
  });
});

describe('TokenVerifier, jwks (key rotation at the identity provider)', () => {
  let server: Server;
  let keys: JWK[] = [];
  let fetches = 0;
  let url: string;
  beforeAll(async () => {
    server = createServer((_, res) => {
      fetches += 1;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
  });
  afterAll(async () => {
    jest.useRealTimers();
    await new Promise((resolve) => server.close(resolve));
  });

  it('stops accepting a cached token once its key is rotated out of the refreshed key set', async () => {
    const old = await generateKeyPair('ES256');
    const next = await generateKeyPair('ES256');
    const jwk = async (key: Parameters<typeof exportJWK>[0], kid: string) => ({
      ...(await exportJWK(key)),
      kid,
      alg: 'ES256',
      use: 'sig',
    });
    keys = [await jwk(old.publicKey, 'old')];
    const config = loadApiConfig({ NODE_ENV: 'test', DATA_DIR: '/nonexistent', AUTH_MODE: 'jwks', JWT_JWKS_URL: url });
    const verifier = new TokenVerifier(config, () => start);
    const token = await new SignJWT({
      name: 'Officer One',
      org: 'te-1',
      org_type: 'employment_authority',
      role: 'officer',
    })
      .setProtectedHeader({ alg: 'ES256', kid: 'old' })
      .setSubject('officer-1')
      .setIssuer(config.auth.issuer)
      .setAudience(config.auth.audience)
      .setIssuedAt(Math.floor(start.getTime() / 1000))
      .setExpirationTime('8h')
      .sign(old.privateKey);

    jest.useFakeTimers({
      doNotFake: [
        'nextTick',
        'setImmediate',
        'setTimeout',
        'clearTimeout',
        'setInterval',
        'clearInterval',
        'queueMicrotask',
        'hrtime',
        'performance',
      ],
    });
    await expect(verifier.verify(token)).resolves.toMatchObject({ personId: 'officer-1' });
    await expect(verifier.verify(token)).resolves.toMatchObject({ personId: 'officer-1' });
    expect(fetches).toBe(1);

    keys = [await jwk(next.publicKey, 'next')]; // the identity provider rotates its key
    jest.setSystemTime(Date.now() + 11 * 60_000); // jose's copy of the key set (10 min) is stale
    await expect(verifier.verify(token)).rejects.toMatchObject({ problem: { status: 401 } });
    expect(fetches).toBe(2);
  });
});
