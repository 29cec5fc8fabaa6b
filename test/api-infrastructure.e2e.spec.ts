import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Body, Controller, Get, HttpCode, Module, Post } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsArray, IsInt, IsNotEmpty, IsString, Max, Min, ValidateNested } from 'class-validator';
import { SignJWT } from 'jose';
import { ConfigError, DEV_JWT_SECRET, loadApiConfig } from '../apps/api/config.js';
import { parseMintArgs, UsageError } from '../apps/api/cli/mint-token.js';
import {
  CommandMeta,
  EVENT_STORE,
  mintToken,
  ProblemTypes,
  RequireRoles,
  type CommandMeta as Meta,
} from '../apps/api/infrastructure/index.js';
import { NotFoundInStreamError, RuleViolationError } from '../libs/domain/errors.js';
import {
  EventStoreFailureError,
  IdempotencyKeyReusedError,
  StreamVersionConflictError,
  type EventStore,
} from '../libs/event-store/index.js';
import type { PolkuEvent } from '../libs/events/index.js';
import { PRINCIPALS, startTestApp, type TestApp } from './support/index.js';

// --- a probe feature module, only for this test: exercises the pipe, filter and meta ---
class KutyDto {
  @IsInt() @Min(1) @Max(8) hoursPerDay!: number;
}
class DataDto {
  @ValidateNested() @Type(() => KutyDto) kuty!: KutyDto;
}
class ItemDto {
  @IsString() @IsNotEmpty() name!: string;
}
class ProbeCommandDto {
  @ValidateNested() @Type(() => DataDto) data!: DataDto;
  @IsArray() @ValidateNested({ each: true }) @Type(() => ItemDto) items!: ItemDto[];
}

@Controller('probe')
class ProbeController {
  @Post('command')
  @HttpCode(200)
  command(@Body() body: ProbeCommandDto, @CommandMeta() meta: Meta) {
    return { hours: body.data.kuty.hoursPerDay, isDto: body instanceof ProbeCommandDto, meta };
  }
  @Get('rule') rule() {
    throw new RuleViolationError(
      'kuty.hours_per_day',
      'Kuntouttava työtoiminta is 4-8 hours a day',
      'data.kuty.hoursPerDay',
      { max: 8 },
    );
  }
  @Get('conflict') conflict() {
    throw new StreamVersionConflictError('client-1', 3n, 5n);
  }
  @Get('idempotency') idempotency() {
    throw new IdempotencyKeyReusedError('te-keski-suomi:k1', 'client-1');
  }
  @Get('missing') missing() {
    throw new NotFoundInStreamError('Referral', 'ref-9');
  }
  @Get('busy') busy() {
    throw new EventStoreFailureError('database is locked', true);
  }
  @Get('boom') boom() {
    throw new Error('SQLITE_CORRUPT at /secret/path/events.sqlite');
  }
  @Get('admin-only') @RequireRoles('admin') adminOnly() {
    return { ok: true };
  }
  @Get('big') big() {
    return { position: 9007199254740993n };
  }
}
@Module({ controllers: [ProbeController] })
class ProbeModule {}

const PROBLEM_JSON = /^application\/problem\+json/;

describe('API infrastructure (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ extraModules: [ProbeModule], logger: false });
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('authentication', () => {
    it('401 problem without a token', async () => {
      const res = await t.http.get('/me');
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(res.body).toMatchObject({
        type: ProblemTypes.unauthorized,
        title: 'Unauthorized',
        status: 401,
        instance: '/me',
      });
    });

    it('401 for a token signed with another secret', async () => {
      const { issuer, audience } = t.config.auth;
      const forged = await mintToken(PRINCIPALS.admin, 'some-other-secret-that-is-long-enough-1234', issuer, audience);
      const res = await t.http.get('/me').set('Authorization', `Bearer ${forged}`);
      expect(res.status).toBe(401);
      expect(res.body.type).toBe(ProblemTypes.unauthorized);
    });

    it('401 for an expired token', async () => {
      const yesterday = new Date(Date.now() - 24 * 3600 * 1000);
      const { issuer, audience } = t.config.auth;
      const expired = await mintToken({ ...PRINCIPALS.admin, ttl: '1h' }, secretOf(t), issuer, audience, {
        now: yesterday,
      });
      const res = await t.http.get('/me').set('Authorization', `Bearer ${expired}`);
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ claim: 'exp', detail: expect.stringMatching(/expired/) });
    });

    it('401 naming the claim when the role is not a known role', async () => {
      const token = await t.tokenFor({ ...PRINCIPALS.employmentOfficer, role: 'superuser' as never });
      const res = await t.http.get('/me').set('Authorization', `Bearer ${token}`);
      expect(res.status).toBe(401);
      expect(res.body.claim).toBe('role');
      expect(res.body.detail).toMatch(/'role'/);
    });

    it('401 for a token for another audience, and for a malformed header', async () => {
      const other = await mintToken(PRINCIPALS.admin, secretOf(t), t.config.auth.issuer, 'someone-else');
      const wrongAudience = await t.http.get('/me').set('Authorization', `Bearer ${other}`);
      expect(wrongAudience.status).toBe(401);
      expect(wrongAudience.body.claim).toBe('aud');
      const basic = await t.http.get('/me').set('Authorization', 'Basic dXNlcjpwYXNz');
      expect(basic.status).toBe(401);
    });

    it('401 for a token without an expiry', async () => {
      const forever = await new SignJWT({ name: 'X', org: 'kela', org_type: 'kela', role: 'officer' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('p')
        .setIssuer(t.config.auth.issuer)
        .setAudience(t.config.auth.audience)
        .sign(new TextEncoder().encode(secretOf(t)));
      const res = await t.http.get('/me').set('Authorization', `Bearer ${forever}`);
      expect(res.status).toBe(401);
    });

    it('GET /me returns the caller as principal and actor', async () => {
      const res = await t.http.get('/me').set(await t.authHeader('wellbeingOfficer'));
      expect(res.status).toBe(200);
      const p = PRINCIPALS.wellbeingOfficer;
      expect(res.body).toEqual({
        ...p,
        actor: {
          personId: p.personId,
          displayName: p.displayName,
          organisationId: p.organisationId,
          organisationType: p.organisationType,
        },
      });
    });

    it('403 problem when the route requires another role', async () => {
      const denied = await t.http.get('/probe/admin-only').set(await t.authHeader('auditor'));
      expect(denied.status).toBe(403);
      expect(denied.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(denied.body.type).toBe(ProblemTypes.forbidden);
      const allowed = await t.http.get('/probe/admin-only').set(await t.authHeader('admin'));
      expect(allowed.status).toBe(200);
    });
  });

  describe('health', () => {
    it('is public and reports the event-store head and projector checkpoint', async () => {
      const empty = await t.http.get('/health');
      expect(empty.status).toBe(200);
      expect(empty.body).toEqual({
        status: 'ok',
        serves: 'all',
        eventStore: { head: '0' },
        projector: { checkpoint: '0', lag: 0 },
      });

      const store = t.app.get<EventStore>(EVENT_STORE);
      await store.appendToStream('client-health', [registered('client-health')], { expectedVersion: 0n });
      const after = await t.http.get('/health');
      expect(after.body).toEqual({
        status: 'ok',
        serves: 'all',
        eventStore: { head: '1' },
        projector: { checkpoint: '0', lag: 1 },
      });
    });

    it('stores live as real SQLite files in the data directory', () => {
      expect(existsSync(join(t.dataDir, 'events.sqlite'))).toBe(true);
      expect(existsSync(join(t.dataDir, 'read.sqlite'))).toBe(true);
    });
  });

  describe('OpenAPI', () => {
    it('serves /openapi.json with a global bearer scheme, and /docs', async () => {
      const res = await t.http.get('/openapi.json');
      expect(res.status).toBe(200);
      expect(res.body.info.title).toBe('Polku API');
      expect(res.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
      expect(res.body.security).toEqual([{ bearer: [] }]);
      expect(res.body.paths['/me'].get).toBeDefined();
      expect(res.body.paths['/health'].get.security).toEqual([{}]); // public
      const docs = await t.http.get('/docs');
      expect(docs.status).toBe(200);
      expect(docs.text).toMatch(/swagger/i);
      const kafka = await t.http.get('/schemas/kafka-commands.json');
      expect(kafka.status).toBe(200);
      expect(kafka.headers['content-type']).toMatch(/^application\/schema\+json/);
      expect(JSON.parse(kafka.text)).toEqual(JSON.parse(readFileSync('docs/kafka-commands.schema.json', 'utf8')));
    });
  });

  describe('method not allowed', () => {
    it('answers 405 with Allow for a known path under another method, 404 for an unknown path', async () => {
      const res = await t.http.delete('/health');
      expect(res.status).toBe(405);
      expect(res.headers.allow).toBe('GET, HEAD');
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 405, title: 'Method Not Allowed', instance: '/health' });
      const command = await t.http.get('/clients/c-1/referrals/r-1/accept');
      expect([command.status, command.headers.allow]).toEqual([405, 'POST']);
      expect((await t.http.get('/no/such/path')).status).toBe(404);
    });
  });

  describe('request context', () => {
    it('echoes a given correlation id, on errors too', async () => {
      const res = await t.http.get('/me').set('X-Correlation-Id', 'agency-call-42');
      expect(res.status).toBe(401);
      expect(res.headers['x-correlation-id']).toBe('agency-call-42');
      expect(res.body.correlationId).toBe('agency-call-42');
    });

    it('generates one when absent or unacceptable', async () => {
      const none = await t.http.get('/health');
      expect(none.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
      const weird = await t.http.get('/health').set('X-Correlation-Id', 'a b <script>');
      expect(weird.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('@CommandMeta gives principal, correlation id and an organisation-scoped idempotency key', async () => {
      const res = await t.http
        .post('/probe/command')
        .set(await t.authHeader('providerInstructor'))
        .set('X-Correlation-Id', 'corr-1')
        .set('Idempotency-Key', 'retry-me-1')
        .send({ data: { kuty: { hoursPerDay: 6 } }, items: [{ name: 'a' }] });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        hours: 6,
        isDto: true,
        meta: {
          principal: { personId: PRINCIPALS.providerInstructor.personId, role: 'instructor' },
          correlationId: 'corr-1',
          idempotencyKey: 'provider-jyvaskyla-settlement:retry-me-1',
        },
      });
    });

    it('400 for an unacceptable Idempotency-Key', async () => {
      const res = await t.http
        .post('/probe/command')
        .set(await t.authHeader('admin'))
        .set('Idempotency-Key', 'has space')
        .send({ data: { kuty: { hoursPerDay: 6 } }, items: [] });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ type: ProblemTypes.invalidHeader, header: 'Idempotency-Key' });
    });
  });

  describe('problems', () => {
    const get = async (path: string) => t.http.get(path).set(await t.authHeader('employmentOfficer'));

    it('404 problem for an unknown route', async () => {
      const res = await get('/no/such/route?hetu=010101-123N');
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(res.body).toMatchObject({ type: ProblemTypes.notFound, status: 404, instance: '/no/such/route' });
    });

    it('400 with full field paths for invalid nested input', async () => {
      const res = await t.http
        .post('/probe/command')
        .set(await t.authHeader('admin'))
        .send({ data: { kuty: { hoursPerDay: 12 } }, items: [{ name: 'ok' }, { name: '' }], extra: 1 });
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(res.body.type).toBe(ProblemTypes.validation);
      expect(res.body.errors).toEqual(
        expect.arrayContaining([
          { field: 'data.kuty.hoursPerDay', message: expect.any(String) },
          { field: 'items[1].name', message: expect.any(String) },
          { field: 'extra', message: expect.any(String) },
        ]),
      );
    });

    it('400 malformed-body for broken JSON', async () => {
      const res = await t.http
        .post('/probe/command')
        .set(await t.authHeader('admin'))
        .set('Content-Type', 'application/json')
        .send('{"data": ');
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(res.body.type).toBe(ProblemTypes.malformedBody);
    });

    it('422 for a rule violation, with rule, field and details', async () => {
      const res = await get('/probe/rule');
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({
        type: 'https://polku.example/problems/rule/kuty.hours_per_day',
        rule: 'kuty.hours_per_day',
        field: 'kuty.hoursPerDay',
        details: { max: 8 },
      });
    });

    it('409 for stream version conflicts (with versions) and reused idempotency keys', async () => {
      const conflict = await get('/probe/conflict');
      expect(conflict.status).toBe(409);
      expect(conflict.body).toMatchObject({
        type: ProblemTypes.streamVersionConflict,
        expectedVersion: '3',
        actualVersion: '5',
      });
      const reused = await get('/probe/idempotency');
      expect(reused.status).toBe(409);
      expect(reused.body.type).toBe(ProblemTypes.idempotencyKeyReused);
    });

    it('404 for something missing from the client stream', async () => {
      const res = await get('/probe/missing');
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ type: ProblemTypes.notFound, what: 'Referral', id: 'ref-9' });
    });

    it('503 with Retry-After for a transient store failure', async () => {
      const res = await get('/probe/busy');
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBe('1');
    });

    it('500 without leaking internals', async () => {
      const res = await get('/probe/boom');
      expect(res.status).toBe(500);
      expect(res.body.type).toBe(ProblemTypes.internal);
      expect(JSON.stringify(res.body)).not.toMatch(/secret|SQLITE/);
      expect(res.body.correlationId).toBe(res.headers['x-correlation-id']);
    });

    it('serialises bigint values as strings', async () => {
      const res = await get('/probe/big');
      expect(res.body).toEqual({ position: '9007199254740993' });
    });
  });
});

describe('fixed clock', () => {
  it('verifies tokens against the injected clock', async () => {
    const t = await startTestApp({ clock: () => new Date('2020-06-01T09:00:00Z'), logger: false });
    try {
      // Minted at the fixed time with an 8h ttl: long expired in real time, valid for this app.
      const res = await t.http.get('/me').set(await t.authHeader('kelaOfficer'));
      expect(res.status).toBe(200);
      expect(res.body.organisationId).toBe('kela');
    } finally {
      await t.close();
    }
    expect(existsSync(t.dataDir)).toBe(false);
  });
});

describe('loadApiConfig', () => {
  it('applies defaults outside production', () => {
    const config = loadApiConfig({ DATA_DIR: '/srv/polku' });
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 3000,
      dataDir: '/srv/polku',
      eventStore: { kind: 'sqlite', path: '/srv/polku/events.sqlite' },
      readStore: { kind: 'sqlite', path: '/srv/polku/read.sqlite' },
      auth: { mode: 'hs256', secret: DEV_JWT_SECRET, issuer: 'polku-dev', audience: 'polku' },
      processes: 1,
    });
    expect(loadApiConfig({ API_PROCESSES: '4' }).processes).toBe(4);
  });

  it('lists every bad variable by name', () => {
    let error: unknown;
    try {
      loadApiConfig({ NODE_ENV: 'production', PORT: 'eighty', EVENT_STORE_KIND: 'mongo', API_PROCESSES: '0' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/PORT/);
    expect(problems).toMatch(/EVENT_STORE_KIND/);
    expect(problems).toMatch(/API_PROCESSES must be an integer from 1 to 64, got "0"/);
    expect(problems).toMatch(/JWT_SECRET is required/);
  });

  it('rejects short secrets and a jwks mode without a URL', () => {
    expect(() => loadApiConfig({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET must be at least 32/);
    expect(() => loadApiConfig({ AUTH_MODE: 'jwks' })).toThrow(/JWT_JWKS_URL is required/);
    expect(loadApiConfig({ AUTH_MODE: 'jwks', JWT_JWKS_URL: 'https://idp.example/jwks' }).auth).toMatchObject({
      mode: 'jwks',
      jwksUrl: 'https://idp.example/jwks',
    });
  });
});

describe('mint-token CLI arguments', () => {
  it('parses a full command line', () => {
    expect(
      parseMintArgs([
        '--person',
        'p1',
        '--name',
        'Maija Virtanen',
        '--org',
        'te-jkl',
        '--org-type',
        'employment_authority',
        '--role',
        'officer',
        '--ttl',
        '2h',
      ]),
    ).toEqual({
      personId: 'p1',
      displayName: 'Maija Virtanen',
      organisationId: 'te-jkl',
      organisationType: 'employment_authority',
      role: 'officer',
      ttl: '2h',
    });
  });

  it('explains every problem', () => {
    expect(() => parseMintArgs(['--person', 'p1', '--org-type', 'bank', '--role', 'boss', '--ttl', 'forever'])).toThrow(
      UsageError,
    );
    try {
      parseMintArgs(['--person', 'p1', '--org-type', 'bank', '--role', 'boss', '--ttl', 'forever']);
    } catch (error) {
      const message = (error as Error).message;
      for (const part of ['--name', '--org is required', '--org-type must be', '--role must be', 'Invalid ttl']) {
        expect(message).toContain(part);
      }
    }
    expect(() => parseMintArgs(['--bogus'])).toThrow(UsageError);
  });
});

function secretOf(t: TestApp): string {
  if (t.config.auth.mode !== 'hs256') throw new Error('test app runs in hs256 mode');
  return t.config.auth.secret;
}

function registered(clientId: string): PolkuEvent {
  return {
    eventId: `evt-${clientId}`,
    schemaVersion: 1,
    clientId,
    type: 'ClientRegistered',
    occurredAt: '2025-01-02',
    recordedAt: '2025-01-02T08:00:00.000Z',
    actor: {
      personId: 'te-officer-maija',
      displayName: 'Maija Virtanen',
      organisationId: 'te-keski-suomi',
      organisationType: 'employment_authority',
    },
    correlationId: 'corr-seed',
    causationId: null,
    data: { fullName: 'Testi Asiakas', birthDate: '1980-01-01', municipality: 'Jyväskylä' },
  };
}
