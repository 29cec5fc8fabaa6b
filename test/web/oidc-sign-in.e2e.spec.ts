import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import Provider, { type ProviderAccount } from 'oidc-provider';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/index.js';
import {
  browserAvailable,
  buildWebApp,
  CHROMIUM,
  CHROMIUM_ARGS,
  seriousAccessibilityViolations,
  type PageGlobals,
} from './browser.js';
import { freePort } from '../../libs/shared/testing/index.js';

/**
 * OpenID Connect sign-in end to end: a real OpenID provider (`oidc-provider`, PKCE required)
 * on 127.0.0.1, the real API in production configuration pointing at it, and Chromium
 * signing in through the provider's own login and consent pages. Once with bearer tokens
 * verified by the provider's published keys (`AUTH_MODE=jwks`, its own `jwks_uri`: how
 * production runs), once with the shared secret (`AUTH_MODE=hs256`): the browser session has
 * its own key (`WEB_SESSION_SECRET`) either way.
 */
const describeBrowser = browserAvailable ? describe : describe.skip;

/** The officer the provider knows, with Polku's claims (docs/web.md). */
const OFFICER = {
  sub: 'te-olli-oidc',
  name: 'Olli Oidc',
  org: 'te-keski-suomi',
  org_type: 'employment_authority',
  role: 'officer',
};
/** Known to the provider, but in a role the workspace has no place for. */
const AGENCY_SYSTEM = { ...OFFICER, sub: 'kela-integration', name: 'Kela integration', role: 'agency_system' };
const ACCOUNTS = new Map([OFFICER, AGENCY_SYSTEM].map((account) => [account.sub, account]));
const CLIENT_ID = 'polku-workspace';
const BEARER_AUDIENCE = 'polku';
const AUTH_MODES = ['jwks', 'hs256'] as const;
type AuthMode = (typeof AUTH_MODES)[number];

interface PageStorage {
  localStorage: { length: number; key(i: number): string | null; getItem(k: string): string | null };
  sessionStorage: PageStorage['localStorage'];
}

/** The provider's signing key: it signs ID tokens, and here the agency system's bearer tokens too. */
async function providerKey(): Promise<{ privateKey: CryptoKey; jwk: JWK }> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  return { privateKey, jwk: { ...(await exportJWK(privateKey)), kid: 'test-provider-key', use: 'sig' } };
}

describeBrowser('signing in with OpenID Connect (a real provider, authorization code with PKCE)', () => {
  let webDir: string;
  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'polku-web-build-'));
    await buildWebApp(webDir);
  }, 240_000);
  afterAll(() => {
    if (webDir) rmSync(webDir, { recursive: true, force: true });
  });

  describe.each(AUTH_MODES)('bearer tokens verified by AUTH_MODE=%s', (authMode: AuthMode) => {
    let t: TestApp;
    let providerServer: Server;
    let browser: Browser;
    let page: Page;
    let base: string;
    let issuer: string;
    let signingKey: CryptoKey;

    beforeAll(async () => {
      const [apiPort, providerPort] = [await freePort(), await freePort()];
      base = `http://127.0.0.1:${apiPort}`;
      issuer = `http://127.0.0.1:${providerPort}`;
      const clientSecret = randomBytes(24).toString('base64url');
      const key = await providerKey();
      signingKey = key.privateKey;
      const provider = new Provider(issuer, {
        jwks: { keys: [key.jwk] },
        clients: [
          {
            client_id: CLIENT_ID,
            client_secret: clientSecret,
            redirect_uris: [`${base}/session/oidc/callback`],
            post_logout_redirect_uris: [`${base}/`],
            grant_types: ['authorization_code'],
            response_types: ['code'],
            token_endpoint_auth_method: 'client_secret_basic',
          },
        ],
        pkce: { required: () => true },
        scopes: ['openid', 'profile', 'polku'],
        claims: { openid: ['sub'], profile: ['name'], polku: ['org', 'org_type', 'role'] },
        // The claims go into the ID token itself: the API reads no userinfo.
        conformIdTokenClaims: false,
        findAccount: (_ctx: unknown, sub: string): ProviderAccount | undefined => {
          const account = ACCOUNTS.get(sub);
          return account ? { accountId: sub, claims: async () => ({ ...account }) } : undefined;
        },
        features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
        cookies: { keys: [randomBytes(16).toString('hex')] },
        ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 3600, IdToken: 600, Interaction: 600, Session: 3600 },
      });
      providerServer = provider.listen(providerPort, '127.0.0.1');
      t = await startTestApp({
        env: {
          WEB_DIR: webDir,
          NODE_ENV: 'production',
          PORT: String(apiPort),
          OIDC_ISSUER: issuer,
          OIDC_CLIENT_ID: CLIENT_ID,
          OIDC_CLIENT_SECRET: clientSecret,
          OIDC_REDIRECT_URL: `${base}/session/oidc/callback`,
          OIDC_SCOPES: 'openid profile polku',
          WEB_SESSION_SECRET: randomBytes(32).toString('base64url'),
          // jwks: the provider's own published keys (its discovery document's jwks_uri).
          ...(authMode === 'jwks'
            ? { AUTH_MODE: 'jwks', JWT_JWKS_URL: `${issuer}/jwks`, JWT_ISSUER: issuer, JWT_AUDIENCE: BEARER_AUDIENCE }
            : {}),
        },
      });
      expect(t.config.auth.mode).toBe(authMode);
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
      page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
      page.setDefaultTimeout(15_000);
    }, 240_000);

    afterAll(async () => {
      await browser?.close();
      await t?.close();
      await new Promise((resolve) => (providerServer ? providerServer.close(resolve) : resolve(undefined)));
    });

    /** An agency system's bearer token as this mode expects it: signed by the provider, or with JWT_SECRET. */
    const bearerToken = async (): Promise<string> => {
      if (authMode === 'hs256')
        return t.tokenFor({
          personId: AGENCY_SYSTEM.sub,
          displayName: AGENCY_SYSTEM.name,
          organisationId: 'kela',
          organisationType: 'kela',
          role: 'agency_system',
        });
      return new SignJWT({ name: AGENCY_SYSTEM.name, org: 'kela', org_type: 'kela', role: 'agency_system' })
        .setProtectedHeader({ alg: 'RS256', kid: 'test-provider-key', typ: 'at+jwt' })
        .setSubject(AGENCY_SYSTEM.sub)
        .setIssuer(issuer)
        .setAudience(BEARER_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime('10m')
        .sign(signingKey);
    };

    it('offers the organisation-account button on the sign-in page, keyboard reachable and accessible', async () => {
      await page.goto(`${base}/`);
      await page.getByRole('heading', { name: 'Kirjaudu sisään' }).waitFor();
      const button = page.getByRole('button', { name: 'Kirjaudu organisaatiosi tunnuksella' });
      await button.waitFor();
      // production configuration: no demo people
      expect(await page.getByRole('button', { name: /^Kirjaudu: / }).count()).toBe(0);
      await button.focus();
      expect(await button.evaluate((el) => el === (el.ownerDocument as { activeElement: unknown }).activeElement)).toBe(
        true,
      );
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
    });

    it('signs in at the provider (login, consent) and lands in the workspace as that officer, on Today', async () => {
      await page.getByRole('button', { name: 'Kirjaudu organisaatiosi tunnuksella' }).press('Enter');
      await page.waitForURL((url) => url.origin !== base);
      await page.locator('input[name="login"]').fill(OFFICER.sub);
      await page.locator('input[name="password"]').fill('any password');
      await page.getByRole('button', { name: 'Sign-in' }).click();
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.waitForURL(`${base}/**`);
      await page.getByRole('heading', { name: 'Miksi tarkastelet asiakkaan tietoja?' }).waitFor();
      await page.getByText('Asiakastapaaminen').click();
      await page.getByRole('button', { name: 'Jatka' }).click();
      await page.getByRole('heading', { name: 'Tänään', level: 1 }).waitFor();
      await page.getByText('Olli Oidc').first().waitFor();
      const session = await page.evaluate(() => fetch('/session').then((r) => r.json()));
      expect(session).toMatchObject({
        signedIn: true,
        oidcSignIn: true,
        demoSignIn: false,
        signInMethod: 'oidc',
        principal: { personId: OFFICER.sub, organisationId: OFFICER.org, role: 'officer' },
      });
    });

    it('keeps every token out of the reach of page scripts', async () => {
      const cookie = await page.evaluate(() => (globalThis as unknown as PageGlobals).document.cookie);
      expect(cookie).not.toContain('polku_session');
      expect(cookie).not.toContain('polku_oidc');
      const stored = await page.evaluate(() => {
        const g = globalThis as unknown as PageStorage;
        const values: string[] = [];
        for (const storage of [g.localStorage, g.sessionStorage])
          for (let i = 0; i < storage.length; i++)
            values.push(`${storage.key(i)}=${storage.getItem(storage.key(i) ?? '')}`);
        return values;
      });
      // No JWT (three base64url parts) and no session cookie value in the page's storage.
      const sessionCookie = (await page.context().cookies()).find((c) => c.name === 'polku_session');
      expect(sessionCookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
      for (const value of stored) {
        expect(value).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/);
        expect(value).not.toContain(sessionCookie?.value);
      }
    });

    it('takes bearer tokens by the configured mode, never the session token as one nor a bearer token as the session', async () => {
      const me = (headers: Record<string, string>) => fetch(`${base}/me`, { headers });
      const bearer = await bearerToken();
      const agency = await me({ authorization: `Bearer ${bearer}` });
      expect(agency.status).toBe(200);
      expect(await agency.json()).toMatchObject({ personId: AGENCY_SYSTEM.sub, role: 'agency_system' });
      const session = (await page.context().cookies()).find((c) => c.name === 'polku_session')?.value ?? '';
      expect((await me({ cookie: `polku_session=${session}` })).status).toBe(200);
      const sessionAsBearer = await me({ authorization: `Bearer ${decodeURIComponent(session)}` });
      expect(sessionAsBearer.status).toBe(401);
      expect(await sessionAsBearer.json()).toMatchObject({
        detail: 'A browser-session token is not accepted as a bearer token.',
      });
      expect((await me({ cookie: `polku_session=${bearer}` })).status).toBe(401);
    });

    it('refuses a write of the session without its CSRF token', async () => {
      const write = (csrf: boolean) =>
        page.evaluate(async (withToken) => {
          const { csrfToken } = (await (await fetch('/session')).json()) as { csrfToken: string };
          const headers: Record<string, string> = { 'content-type': 'application/json', 'x-purpose': 'client meeting' };
          if (withToken) headers['x-csrf-token'] = csrfToken;
          const response = await fetch('/clients', { method: 'POST', headers, body: '{}' });
          return { status: response.status, body: (await response.json()) as { detail?: string } };
        }, csrf);
      const without = await write(false);
      expect(without.status).toBe(403);
      expect(without.body.detail).toContain('x-csrf-token');
      // With it, the same write gets past the session check (and fails on its empty body).
      expect((await write(true)).status).toBe(400);
    });

    it('signs out: the local session ends, then the provider ends its own (RP-initiated logout)', async () => {
      await page.getByRole('button', { name: 'Kirjaudu ulos' }).click();
      await page.waitForURL((url) => url.origin !== base);
      await page.getByRole('button', { name: 'Yes, sign me out' }).click();
      await page.waitForURL(`${base}/**`);
      await page.getByRole('button', { name: 'Kirjaudu organisaatiosi tunnuksella' }).waitFor();
      expect((await page.context().cookies()).find((c) => c.name === 'polku_session')).toBeUndefined();
      expect(await page.evaluate(() => fetch('/session').then((r) => r.json()))).toMatchObject({ signedIn: false });
    });

    it('refuses a callback whose state was tampered with, and one without the flow cookie', async () => {
      // The flow as a browser starts it: the encrypted flow cookie, and the state sent to the provider.
      const start = await fetch(`${base}/session/oidc/start`, { redirect: 'manual' });
      expect(start.status).toBe(302);
      const authorization = new URL(start.headers.get('location') ?? '');
      expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
      const state = authorization.searchParams.get('state') ?? '';
      const flowCookie = (start.headers.get('set-cookie') ?? '').split(';')[0];
      expect(flowCookie).toMatch(/^polku_oidc=./);
      expect(start.headers.get('set-cookie')).toMatch(/HttpOnly/);

      const callback = (query: string, cookie?: string) =>
        fetch(`${base}/session/oidc/callback?${query}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
      const tampered = await callback(`code=any&state=${state}x`, flowCookie);
      expect(tampered.status).toBe(400);
      expect(await tampered.json()).toMatchObject({
        title: 'Sign-in failed',
        detail: expect.stringContaining('state'),
      });
      expect(tampered.headers.get('set-cookie')).not.toMatch(/polku_session=[^;]/);
      expect((await callback(`code=any&state=${state}`)).status).toBe(400); // no flow cookie
      // The right state with a code the provider never issued: the exchange is refused.
      const forged = await callback(`code=forged&state=${state}`, flowCookie);
      expect(forged.status).toBe(400);
      expect(await forged.json()).toMatchObject({ detail: expect.stringContaining('token endpoint refused') });
    });

    it('refuses a role the workspace has no place for, with a problem naming the claim', async () => {
      await page.goto(`${base}/`);
      await page.getByRole('button', { name: 'Kirjaudu organisaatiosi tunnuksella' }).click();
      await page.waitForURL((url) => url.origin !== base);
      await page.locator('input[name="login"]').fill(AGENCY_SYSTEM.sub);
      await page.locator('input[name="password"]').fill('any password');
      const callback = page.waitForResponse((r) => r.url().startsWith(`${base}/session/oidc/callback`));
      await page.getByRole('button', { name: 'Sign-in' }).click();
      await page.getByRole('button', { name: 'Continue' }).click();
      const refused = await callback;
      expect(refused.status()).toBe(403);
      expect(await refused.json()).toMatchObject({
        title: 'Sign-in refused',
        claim: 'role',
        detail: expect.stringContaining('agency_system'),
      });
      expect(await page.evaluate(() => fetch('/session').then((r) => r.json()))).toMatchObject({ signedIn: false });
    });
  });
});
