import { generateKeyPair, SignJWT } from 'jose';
import { mintToken, type MintSpec } from './token-minter.js';
import { TokenVerifier } from './token-verifier.js';
import { WEB_SESSION_TOKEN } from './web-session-token-kind.js';
import { WebSessionTokens } from './web-session-tokens.js';

/** A browser-session token and a bearer token can never pass for each other. */
const officer: MintSpec = {
  personId: 'officer-1',
  displayName: 'Officer One',
  organisationId: 'te-1',
  organisationType: 'employment_authority',
  role: 'officer',
};
const now = new Date('2026-03-02T10:00:00Z');
const clock = () => now;
const sessionSecret = 'web-session-secret-0123456789abcdefghij';
const bearerSecret = 'bearer-secret-0123456789abcdefghijklmno';
const bearer = { mode: 'hs256' as const, secret: bearerSecret, issuer: 'polku-dev', audience: 'polku' };

describe('WebSessionTokens', () => {
  const sessions = new WebSessionTokens(sessionSecret, clock);

  it('verifies the session tokens it minted, with their own issuer, audience and typ', async () => {
    const token = await sessions.mint(officer, '8h', now, { polku_sign_in: 'oidc' });
    await expect(sessions.verify(token)).resolves.toMatchObject({ personId: 'officer-1', role: 'officer' });
    const [header, payload] = token
      .split('.')
      .slice(0, 2)
      .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
    expect(header).toMatchObject({ alg: 'HS256', typ: WEB_SESSION_TOKEN.type });
    expect(payload).toMatchObject({
      iss: WEB_SESSION_TOKEN.issuer,
      aud: WEB_SESSION_TOKEN.audience,
      polku_sign_in: 'oidc',
    });
  });

  it('refuses a session token as a bearer token, even if the bearer verifier had the same key', async () => {
    const token = await sessions.mint(officer, '8h', now);
    await expect(new TokenVerifier({ auth: bearer }, clock).verify(token)).rejects.toMatchObject({
      problem: { status: 401 },
    });
    const sameKey = {
      mode: 'hs256' as const,
      secret: sessionSecret,
      issuer: WEB_SESSION_TOKEN.issuer,
      audience: WEB_SESSION_TOKEN.audience,
    };
    await expect(new TokenVerifier({ auth: sameKey }, clock).verify(token)).rejects.toMatchObject({
      problem: { status: 401, detail: 'A browser-session token is not accepted as a bearer token.' },
    });
  });

  it('refuses a bearer token (the shared secret or the identity provider) as a session token', async () => {
    const hs256 = await mintToken(officer, bearerSecret, bearer.issuer, bearer.audience, { now });
    await expect(new TokenVerifier({ auth: bearer }, clock).verify(hs256)).resolves.toMatchObject({
      personId: 'officer-1',
    });
    await expect(sessions.verify(hs256)).rejects.toMatchObject({ problem: { status: 401 } });
    // Signed with the session key and its issuer and audience, but not typed as a session token.
    const untyped = await mintToken(officer, sessionSecret, WEB_SESSION_TOKEN.issuer, WEB_SESSION_TOKEN.audience, {
      now,
    });
    await expect(sessions.verify(untyped)).rejects.toMatchObject({
      problem: { status: 401, detail: 'Only a browser-session token is accepted here.' },
    });
    const { privateKey } = await generateKeyPair('RS256');
    const fromProvider = await new SignJWT({
      name: 'Officer One',
      org: 'te-1',
      org_type: 'employment_authority',
      role: 'officer',
    })
      .setProtectedHeader({ alg: 'RS256', typ: WEB_SESSION_TOKEN.type })
      .setSubject('officer-1')
      .setIssuer(WEB_SESSION_TOKEN.issuer)
      .setAudience(WEB_SESSION_TOKEN.audience)
      .setIssuedAt(now)
      .setExpirationTime('1h')
      .sign(privateKey);
    await expect(sessions.verify(fromProvider)).rejects.toMatchObject({ problem: { status: 401 } });
  });
});
