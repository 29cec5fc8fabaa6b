import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { sessionCookie } from '../apps/api/infrastructure/auth/session-cookie.js';
import { startTestApp, type TestApp } from './support/index.js';

/**
 * The browser workspace's backend-for-frontend: the demo sign-in (embedded mode only), the
 * HttpOnly session cookie, CSRF-protected writes, and the built page served next to the API.
 */
describe('web session (embedded mode)', () => {
  let t: TestApp;
  let webDir: string;

  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'polku-web-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Polku</title>');
    writeFileSync(join(webDir, 'assets', 'app-1234.js'), 'console.log(1)');
    t = await startTestApp({ env: { WEB_DIR: webDir } });
  });
  afterAll(async () => {
    await t.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  const signIn = async (personId: string) => {
    const res = await t.http.post('/session/demo-sign-in').send({ personId });
    expect(res.status).toBe(200);
    const cookie = (res.headers['set-cookie'] as unknown as string[])[0];
    return { res, cookie: cookie.split(';')[0], setCookie: cookie, csrf: res.body.csrfToken as string };
  };

  it('lists the demo people: officers of each organisation, an instructor, an auditor, an administrator and a client', async () => {
    expect((await t.http.get('/session')).body).toEqual({ signedIn: false, demoSignIn: true, oidcSignIn: false });
    const people = (await t.http.get('/session/demo-people')).body as { role: string; organisationId: string }[];
    expect(new Set(people.map((p) => p.role))).toEqual(
      new Set(['officer', 'instructor', 'auditor', 'admin', 'client']),
    );
    expect(new Set(people.filter((p) => p.role === 'officer').map((p) => p.organisationId))).toEqual(
      new Set(['te-keski-suomi', 'hyvaks-sote', 'kela', 'te-pori', 'satasote', 'te-turku', 'varha']),
    );
  });

  it('signs in with an HttpOnly, SameSite=Strict cookie; the token never reaches the page', async () => {
    const { res, setCookie, cookie } = await signIn('te-outi-virtanen');
    expect(setCookie).toMatch(/^polku_session=[^;]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=28800$/);
    expect(JSON.stringify(res.body)).not.toContain(cookie.split('=')[1]);
    expect(res.body).toMatchObject({ signedIn: true, principal: { personId: 'te-outi-virtanen', role: 'officer' } });
    const me = await t.http.get('/me').set('Cookie', cookie);
    expect(me.status).toBe(200);
    expect(me.body.personId).toBe('te-outi-virtanen');
    expect((await t.http.get('/session').set('Cookie', cookie)).body).toMatchObject({
      signedIn: true,
      csrfToken: res.body.csrfToken,
    });
  });

  it('refuses a write from the session without its CSRF token, and changes nothing', async () => {
    const { cookie, csrf } = await signIn('te-outi-virtanen');
    const body = {
      clientId: 'te-keski-suomi:web-csrf-1',
      fullName: 'Maija Meikäläinen',
      birthDate: '1984-05-02',
      municipality: 'Jyväskylä',
    };
    const refused = await t.http.post('/clients').set('Cookie', cookie).send(body);
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toContain('x-csrf-token');
    const wrong = await t.http.post('/clients').set('Cookie', cookie).set('X-CSRF-Token', 'forged').send(body);
    expect(wrong.status).toBe(403);
    const ok = await t.http.post('/clients').set('Cookie', cookie).set('X-CSRF-Token', csrf).send(body);
    expect(ok.status).toBe(201);
    expect(ok.body.clientId).toBe('te-keski-suomi:web-csrf-1');
  });

  it('keeps bearer tokens working for agency systems (no cookie, no CSRF)', async () => {
    const res = await t.http
      .post('/clients')
      .set(await t.authHeader('agencySystem'))
      .send({
        clientId: 'te-keski-suomi:web-bearer-1',
        fullName: 'Maija Meikäläinen',
        birthDate: '1984-05-02',
        municipality: 'Jyväskylä',
      });
    expect(res.status).toBe(201);
  });

  it('never takes the session token as a bearer token, nor a bearer token from the cookie', async () => {
    const { cookie } = await signIn('te-outi-virtanen');
    const sessionToken = decodeURIComponent(cookie.slice('polku_session='.length));
    const asBearer = await t.http.get('/me').set('Authorization', `Bearer ${sessionToken}`);
    expect(asBearer.status).toBe(401);
    expect(asBearer.body.detail).toBe('A browser-session token is not accepted as a bearer token.');
    const bearer = await t.tokenFor('agencySystem');
    expect((await t.http.get('/me').set('Authorization', `Bearer ${bearer}`)).status).toBe(200);
    expect((await t.http.get('/me').set('Cookie', `polku_session=${bearer}`)).status).toBe(401);
    expect((await t.http.get('/session').set('Cookie', `polku_session=${bearer}`)).body).toMatchObject({
      signedIn: false,
    });
  });

  it('signs out by clearing the cookie; an unknown person cannot sign in', async () => {
    const out = await t.http.post('/session/sign-out');
    expect(out.status).toBe(204);
    expect((out.headers['set-cookie'] as unknown as string[])[0]).toMatch(/^polku_session=; .*Max-Age=0$/);
    expect((await t.http.post('/session/demo-sign-in').send({ personId: 'nobody' })).status).toBe(404);
    expect((await t.http.get('/me').set('Cookie', 'polku_session=forged')).status).toBe(401);
  });

  it('marks the cookie Secure when the page came over https', () => {
    expect(sessionCookie('abc', true, 60)).toBe(
      'polku_session=abc; Path=/; HttpOnly; SameSite=Strict; Secure; Max-Age=60',
    );
  });

  it('serves the page at / and its bundle under /assets/, API paths untouched', async () => {
    const page = await t.http.get('/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<title>Polku</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const asset = await t.http.get('/assets/app-1234.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await t.http.get('/assets/missing.js')).status).toBe(404);
    expect((await t.http.get('/me')).status).toBe(401);
  });
});

describe('web session in production configuration', () => {
  it('has no demo sign-in', async () => {
    const t = await startTestApp({ env: { NODE_ENV: 'production' } });
    try {
      expect((await t.http.get('/session')).body).toEqual({ signedIn: false, demoSignIn: false, oidcSignIn: false });
      expect((await t.http.get('/session/demo-people')).status).toBe(404);
      expect(
        (await request(t.app.getHttpServer()).post('/session/demo-sign-in').send({ personId: 'te-outi-virtanen' }))
          .status,
      ).toBe(404);
    } finally {
      await t.close();
    }
  });
});
