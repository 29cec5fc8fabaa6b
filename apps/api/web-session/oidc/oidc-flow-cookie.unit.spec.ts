import {
  codeChallengeOf,
  FLOW_TTL_SECONDS,
  flowCookie,
  flowKeyFrom,
  newFlow,
  openFlow,
  sealFlow,
} from './oidc-flow-cookie.js';

const key = flowKeyFrom('a-client-secret-of-some-length');
const now = new Date('2026-12-04T12:00:00Z');

describe('the sign-in flow cookie (state, nonce, PKCE verifier)', () => {
  it('derives the S256 code challenge as RFC 7636 appendix B does', () => {
    expect(codeChallengeOf('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('gives every flow its own unguessable values', () => {
    const [a, b] = [newFlow(), newFlow()];
    expect(new Set([a.state, a.nonce, a.codeVerifier, b.state, b.nonce, b.codeVerifier]).size).toBe(6);
    expect(a.codeVerifier).toMatch(/^[A-Za-z0-9_-]{43,128}$/); // RFC 7636 section 4.1
  });

  it('opens what it sealed; the verifier is not readable in the cookie', async () => {
    const flow = newFlow();
    const sealed = await sealFlow(flow, key, now);
    expect(sealed).not.toContain(flow.codeVerifier);
    expect(await openFlow(sealed, key, now)).toEqual(flow);
  });

  it('refuses a tampered, foreign, expired or missing cookie', async () => {
    const sealed = await sealFlow(newFlow(), key, now);
    // JWE compact: header..iv.ciphertext.tag — flip the ciphertext's first character
    const parts = sealed.split('.');
    parts[3] = `${parts[3][0] === 'A' ? 'B' : 'A'}${parts[3].slice(1)}`;
    const tampered = parts.join('.');
    expect(await openFlow(tampered, key, now)).toBeUndefined();
    expect(await openFlow(sealed, flowKeyFrom('another-client-secret-entirely'), now)).toBeUndefined();
    const later = new Date(now.getTime() + (FLOW_TTL_SECONDS + 1) * 1000);
    expect(await openFlow(sealed, key, later)).toBeUndefined();
    expect(await openFlow(undefined, key, now)).toBeUndefined();
  });

  it('is HttpOnly, SameSite=Lax (the way back from the issuer is cross-site) and scoped to the OIDC routes', () => {
    expect(flowCookie('x', true)).toBe('polku_oidc=x; Path=/session/oidc; HttpOnly; SameSite=Lax; Secure; Max-Age=600');
    expect(flowCookie(null, false)).toBe('polku_oidc=; Path=/session/oidc; HttpOnly; SameSite=Lax; Max-Age=0');
  });
});
