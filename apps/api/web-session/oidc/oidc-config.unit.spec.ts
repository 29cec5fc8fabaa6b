import { ConfigError, loadApiConfig } from '../../config.js';

const base = { NODE_ENV: 'test', DATA_DIR: '/tmp/polku-oidc-config' };
const oidc = {
  OIDC_ISSUER: 'https://idp.example.fi',
  OIDC_CLIENT_ID: 'polku',
  OIDC_CLIENT_SECRET: 'a-client-secret-of-some-length',
  OIDC_REDIRECT_URL: 'https://polku.example.fi/session/oidc/callback',
  OIDC_SCOPES: 'openid profile polku',
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadApiConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('the OIDC_* settings', () => {
  it('are optional: without them there is no OpenID Connect sign-in', () => {
    expect(loadApiConfig(base).webSession.oidc).toBeUndefined();
  });

  it('read all five into the configuration', () => {
    expect(loadApiConfig({ ...base, ...oidc }).webSession.oidc).toEqual({
      issuer: 'https://idp.example.fi',
      clientId: 'polku',
      clientSecret: 'a-client-secret-of-some-length',
      redirectUrl: 'https://polku.example.fi/session/oidc/callback',
      scopes: ['openid', 'profile', 'polku'],
    });
  });

  it('are all or none: a missing one is named', () => {
    const { OIDC_CLIENT_SECRET: _secret, ...partial } = oidc;
    expect(problemsOf({ ...base, ...partial })).toEqual([expect.stringContaining('OIDC_CLIENT_SECRET is required')]);
  });

  it('name the setting that is wrong', () => {
    expect(problemsOf({ ...base, ...oidc, OIDC_SCOPES: 'profile' })).toEqual([expect.stringContaining('OIDC_SCOPES')]);
    expect(problemsOf({ ...base, ...oidc, OIDC_REDIRECT_URL: 'https://polku.example.fi/' })).toEqual([
      expect.stringContaining('OIDC_REDIRECT_URL'),
    ]);
    expect(problemsOf({ ...base, ...oidc, OIDC_ISSUER: 'idp' })).toEqual([expect.stringContaining('OIDC_ISSUER')]);
  });
});

describe('OIDC sign-in and the auth mode', () => {
  const production = { ...base, NODE_ENV: 'production', JWT_SECRET: 'j'.repeat(32) };
  const jwks = { AUTH_MODE: 'jwks', JWT_JWKS_URL: 'https://idp.example.fi/jwks' };

  it('works with AUTH_MODE=jwks: the session has its own key (WEB_SESSION_SECRET)', () => {
    const config = loadApiConfig({ ...production, ...jwks, ...oidc, WEB_SESSION_SECRET: 'w'.repeat(32) });
    expect(config.auth.mode).toBe('jwks');
    expect(config.webSession.oidc?.issuer).toBe('https://idp.example.fi');
  });

  it('needs WEB_SESSION_SECRET in production, of at least 32 characters', () => {
    expect(problemsOf({ ...production, ...jwks, ...oidc })).toEqual([
      expect.stringContaining('WEB_SESSION_SECRET is required'),
    ]);
    expect(problemsOf({ ...production, ...jwks, ...oidc, WEB_SESSION_SECRET: 'short' })).toEqual([
      'WEB_SESSION_SECRET must be at least 32 characters, got 5',
    ]);
  });
});
