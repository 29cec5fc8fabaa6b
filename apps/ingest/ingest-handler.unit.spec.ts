import 'reflect-metadata';
import { SqliteEventStore } from '../../libs/adapters/sqlite-event-store/index.js';
import type { UsageEntry } from '../../libs/audit-log/index.js';
import { HEADERS, MemoryCommandInbox, type Headers } from '../../libs/bus/index.js';
import { EventStoreFailureError, StreamVersionConflictError, type EventStore } from '../../libs/event-store/index.js';
import { loadApiConfig } from '../../libs/config/index.js';
import { mintToken, type MintSpec } from '../../libs/auth/token-minter.js';
import { TokenVerifier } from '../../libs/auth/token-verifier.js';
import { createIngestHandler } from './ingest-handler.js';
import { batchScope } from '../../libs/adapters/kafka-bus/index.js';

const now = new Date('2026-03-02T10:00:00Z');
const config = loadApiConfig({
  NODE_ENV: 'test',
  DATA_DIR: '/nonexistent',
  JWT_SECRET: 'unit-test-secret-0123456789abcdefghij',
});
const auth = config.auth as Extract<typeof config.auth, { mode: 'hs256' }>;
const SYSTEM: MintSpec = {
  personId: 'te-integration',
  displayName: 'TE integration',
  organisationId: 'te-keski-suomi',
  organisationType: 'employment_authority',
  role: 'agency_system',
};
const bearer = async (spec: Partial<MintSpec> = {}) => ({
  [HEADERS.authorization]: `Bearer ${await mintToken({ ...SYSTEM, ...spec }, auth.secret, auth.issuer, auth.audience, { now })}`,
});
/** Clients an agency registers are in its organisation's namespace. */
const C1 = 'te-keski-suomi:c-1';
const register = {
  type: 'RegisterClient',
  data: { fullName: 'Maija Meikäläinen', birthDate: '1984-05-02', municipality: 'Jyväskylä' },
};

describe('ingest handler (memory bus, SQLite store)', () => {
  let store: EventStore;
  let inbox: MemoryCommandInbox;
  let mode: 'jwt' | 'headers';
  let refusals: UsageEntry[];
  const deliver = async (body: unknown, headers: Headers, key: string | null = C1) =>
    inbox.deliver({
      key,
      headers,
      value: Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
    });
  const message = (command: unknown, extra: Record<string, unknown> = {}) => ({
    schemaVersion: 1,
    idempotencyKey: 'k-1',
    clientId: C1,
    command,
    ...extra,
  });

  beforeEach(async () => {
    store = SqliteEventStore.open(':memory:');
    mode = 'jwt';
    refusals = [];
    const audit = {
      recordUsage: async (entries: UsageEntry[]) => {
        refusals.push(...entries);
        return undefined; // a log that does not time its writes
      },
    };
    inbox = new MemoryCommandInbox();
    const verifier = new TokenVerifier(config, () => now);
    await inbox.start((m) => createIngestHandler({ store, verifier, authMode: mode, clock: () => now, audit })(m));
  });
  afterEach(async () => {
    await store.close();
  });

  it("appends the command under the token's actor, once, however often it is delivered", async () => {
    const first = await deliver(message(register), await bearer());
    expect(first).toMatchObject({ outcome: 'processed', detail: { replayed: false, streamVersion: '1' } });
    expect(await deliver(message(register), await bearer())).toMatchObject({
      outcome: 'processed',
      detail: { replayed: true },
    });
    const { events } = await store.readStream(C1);
    expect(events).toHaveLength(1);
    expect(events[0].actor).toEqual({
      personId: 'te-integration',
      displayName: 'TE integration',
      organisationId: 'te-keski-suomi',
      organisationType: 'employment_authority',
    });
    expect(events[0].correlationId).toBe('kafka:memory:0:0');
  });

  it("records an agency system's command on behalf of a named person of its own organisation", async () => {
    const d = await deliver(
      message(register, { actor: { personId: 'te-liisa', displayName: 'Liisa Korhonen' } }),
      await bearer(),
    );
    expect(d?.outcome).toBe('processed');
    expect((await store.readStream(C1)).events[0].actor).toMatchObject({
      personId: 'te-liisa',
      organisationId: 'te-keski-suomi',
    });
  });

  it.each([
    ['not JSON', '{"schemaVersion":1,', 'malformed', undefined],
    ['a JSON array', '[1]', 'malformed', undefined],
    ['schema version 2', { ...message(register), schemaVersion: 2 }, 'unsupported_schema_version', 'schemaVersion'],
    ['an unknown type', message({ type: 'FireClient', data: {} }), 'unknown_command', 'command.type'],
    [
      'a bad date',
      message({ type: 'RegisterClient', data: { ...register.data, birthDate: '1984-02-30' } }),
      'validation',
      'command.data.birthDate',
    ],
    [
      'an unknown field',
      message({ type: 'RegisterClient', data: { ...register.data, shoeSize: 44 } }),
      'validation',
      'command.data.shoeSize',
    ],
    [
      'a path id missing',
      message({ type: 'AcceptReferral', data: { acceptedOn: '2026-03-01' } }),
      'validation',
      'command.data.referralId',
    ],
    ['no idempotency key', { ...message(register), idempotencyKey: undefined }, 'validation', 'idempotencyKey'],
    [
      'another clientId in RegisterClient',
      message({ type: 'RegisterClient', data: { ...register.data, clientId: 'c-2' } }),
      'validation',
      'command.data.clientId',
    ],
    [
      'a null optional field',
      message({ type: 'RegisterClient', data: { ...register.data, personalIdentityCode: null } }),
      'validation',
      'command.data.personalIdentityCode',
    ],
    [
      'a NUL byte',
      message({ type: 'RegisterClient', data: { ...register.data, fullName: 'Maija\u0000' } }),
      'validation',
      'command.data.fullName',
    ],
    [
      'a lone surrogate',
      message({ type: 'RegisterClient', data: { ...register.data, fullName: 'Maija\ud800' } }),
      'validation',
      'command.data.fullName',
    ],
    [
      'a date before 1900',
      message({ type: 'RegisterClient', data: { ...register.data, birthDate: '0000-01-01' } }),
      'validation',
      'command.data.birthDate',
    ],
    [
      'JSON nested 10,000 levels deep',
      `{"schemaVersion":1,"idempotencyKey":"k-1","clientId":"c-1","command":${'['.repeat(10_000)}${']'.repeat(10_000)}}`,
      'validation',
      expect.stringMatching(/^command\[0\]/),
    ],
    [
      'a value over the HTTP body limit',
      message({ type: 'RegisterClient', data: { ...register.data, fullName: 'x'.repeat(300 * 1024) } }),
      'too_large',
      undefined,
    ],
    [
      'invalid UTF-8 (inside a string)',
      Buffer.concat(
        JSON.stringify(message(register))
          .split('Maija')
          .flatMap((part, i) => (i ? [Buffer.from([0xff]), Buffer.from(part)] : [Buffer.from(part)])),
      ),
      'malformed',
      undefined,
    ],
  ])('dead-letters %s', async (_name, body, type, field) => {
    const d = await deliver(body, await bearer());
    expect(d).toMatchObject({ outcome: 'dead-letter', reason: { type } });
    if (d?.outcome === 'dead-letter') expect(d.reason.field).toEqual(field);
    expect(await store.headPosition()).toBe(0n);
  });

  it('dead-letters an idempotency key reused for a different command, and keeps the first', async () => {
    expect(await deliver(message(register), await bearer())).toMatchObject({ outcome: 'processed' });
    const changed = message({ type: 'RegisterClient', data: { ...register.data, fullName: 'Toinen Nimi' } });
    expect(await deliver(changed, await bearer())).toMatchObject({
      outcome: 'dead-letter',
      reason: {
        type: 'idempotency_key_reused',
        field: 'idempotencyKey',
        detail: expect.stringMatching(/different command/),
      },
    });
    expect((await store.readStream(C1)).events.map((e) => e.data)).toEqual([
      expect.objectContaining({ fullName: register.data.fullName }),
    ]);
  });

  it("answers a registration outside the publisher's namespace the same, whether or not the client exists", async () => {
    expect(await deliver(message(register), await bearer())).toMatchObject({ outcome: 'processed' });
    const kela = await bearer({ organisationId: 'kela', organisationType: 'kela' });
    const existing = await deliver(message(register, { idempotencyKey: 'k-kela-1' }), kela);
    const unknown = await deliver(
      message(register, { idempotencyKey: 'k-kela-2', clientId: 'te-keski-suomi:c-9' }),
      kela,
      'te-keski-suomi:c-9',
    );
    const reason = { type: 'rule_violation', rule: 'client.id_outside_organisation_namespace' };
    expect(existing).toMatchObject({ outcome: 'dead-letter', reason });
    expect(unknown).toMatchObject({ outcome: 'dead-letter', reason });
    if (existing?.outcome === 'dead-letter' && unknown?.outcome === 'dead-letter')
      expect(existing.reason).toEqual(unknown.reason);
  });

  it('dead-letters a key that is not the client id', async () => {
    expect(await deliver(message(register), await bearer(), 'c-other')).toMatchObject({
      reason: { type: 'validation', field: 'key' },
    });
  });

  it('dead-letters a rule violation with the rule and the message path of the field', async () => {
    await deliver(message(register), await bearer());
    const referral = {
      type: 'MakeReferral',
      data: {
        serviceType: 'rehabilitative_work_activity',
        to: { organisationId: 'te-keski-suomi', organisationType: 'employment_authority' },
        reason: 'x',
        madeOn: '2026-03-01',
      },
    };
    expect(await deliver(message(referral, { idempotencyKey: 'k-2' }), await bearer())).toMatchObject({
      outcome: 'dead-letter',
      reason: { type: 'rule_violation', rule: 'referral.to_self', field: 'command.data.to.organisationId' },
    });
    expect(
      await deliver(message(referral, { clientId: 'nobody', idempotencyKey: 'k-3' }), await bearer(), 'nobody'),
    ).toMatchObject({ reason: { type: 'not_found' } });
  });

  it.each([
    ['no token', async () => ({}), 'unauthorised'],
    [
      'a token signed with another key',
      async () => ({
        [HEADERS.authorization]: `Bearer ${await mintToken(SYSTEM, 'x'.repeat(40), auth.issuer, auth.audience, { now })}`,
      }),
      'unauthorised',
    ],
    ['an auditor', () => bearer({ role: 'auditor' }), 'forbidden'],
  ])('dead-letters a message with %s', async (_name, headers, type) => {
    expect(await deliver(message(register), await headers())).toMatchObject({
      outcome: 'dead-letter',
      reason: { type },
    });
  });

  it('lets only an agency system name a person, and only of its own organisation', async () => {
    expect(
      await deliver(
        message(register, { actor: { personId: 'p', displayName: 'P' } }),
        await bearer({ role: 'officer' }),
      ),
    ).toMatchObject({ reason: { type: 'forbidden', field: 'actor' } });
    expect(
      await deliver(
        message(register, { actor: { personId: 'p', displayName: 'P', organisationId: 'kela' } }),
        await bearer(),
      ),
    ).toMatchObject({ reason: { type: 'forbidden', field: 'actor.organisationId' } });
  });

  it('applies the access policy: outside the client relationship a write looks like an unknown client, and is logged', async () => {
    await deliver(message(register), await bearer());
    const kela = {
      personId: 'kela-sys',
      displayName: 'Kela integration',
      organisationId: 'kela',
      organisationType: 'kela' as const,
    };
    expect(
      await deliver(
        message(
          {
            type: 'NamePerson',
            data: { personId: 'k-1', personName: 'K', role: 'responsible_officer', namedOn: '2026-03-01' },
          },
          { idempotencyKey: 'k-5' },
        ),
        await bearer(kela),
      ),
    ).toMatchObject({ outcome: 'dead-letter', reason: { type: 'not_found', detail: `client ${C1} not found` } });
    expect(refusals).toEqual([
      expect.objectContaining({
        organisationId: 'kela',
        clientId: C1,
        view: 'command:NamePerson',
        outcome: 'refused',
        detail: 'no_client_relationship',
      }),
    ]);
    expect((await store.readStream(C1)).events).toHaveLength(1);
  });

  it('takes the identity from polku-* headers in headers mode, naming a missing header', async () => {
    mode = 'headers';
    const headers = {
      [HEADERS.organisationId]: 'kela',
      [HEADERS.organisationType]: 'kela',
      [HEADERS.personId]: 'kela-sys',
      [HEADERS.personName]: 'Kela integration',
    };
    expect(await deliver(message(register, { clientId: 'kela:c-1' }), headers, 'kela:c-1')).toMatchObject({
      outcome: 'processed',
    });
    expect((await store.readStream('kela:c-1')).events[0].actor.organisationId).toBe('kela');
    const { [HEADERS.organisationId]: _, ...missing } = headers;
    expect(await deliver(message(register, { idempotencyKey: 'k-9' }), missing)).toMatchObject({
      reason: { type: 'unauthorised', field: 'headers.polku-organisation-id' },
    });
  });

  it('checks a token once per batch scope; a rejected token is checked again each time', async () => {
    let checks = 0;
    const verifier = new TokenVerifier(config, () => now);
    const verify = verifier.verify.bind(verifier);
    verifier.verify = (token) => {
      checks++;
      return verify(token);
    };
    const handle = createIngestHandler({ store, verifier, authMode: 'jwt', clock: () => now });
    const at = (n: number, headers: Headers, scope = batch) =>
      handle(
        {
          topic: 't',
          partition: 0,
          offset: String(n),
          key: C1,
          headers,
          value: Buffer.from(
            JSON.stringify(
              message(
                n === 0
                  ? register
                  : {
                      type: 'NamePerson',
                      data: { personId: `o-${n}`, personName: 'O', role: 'responsible_officer', namedOn: '2026-03-01' },
                    },
                { idempotencyKey: `k-${n}` },
              ),
            ),
          ),
        },
        scope,
      );
    const headers = await bearer();
    let batch = batchScope();
    for (const n of [0, 1, 2]) expect(await at(n, headers)).toMatchObject({ outcome: 'processed' });
    expect(checks).toBe(1);
    batch = batchScope(); // the next batch checks again
    expect(await at(3, headers)).toMatchObject({ outcome: 'processed' });
    expect(checks).toBe(2);
    const forged = {
      [HEADERS.authorization]: `Bearer ${await mintToken(SYSTEM, 'x'.repeat(40), auth.issuer, auth.audience, { now })}`,
    };
    expect(await at(4, forged)).toMatchObject({ outcome: 'dead-letter', reason: { type: 'unauthorised' } });
    expect(await at(5, forged)).toMatchObject({ outcome: 'dead-letter', reason: { type: 'unauthorised' } });
    expect(checks).toBe(4);
  });

  it('retries a transient store failure and a lasting stream conflict instead of dead-lettering', async () => {
    let failures = 8; // 2 outages, then more conflicts than executeClientCommand retries by itself
    const append = store.appendToStream.bind(store);
    store.appendToStream = async (...args) => {
      if (failures-- > 6) throw new EventStoreFailureError('database is locked', true);
      if (failures >= 0) throw new StreamVersionConflictError(C1, 0n, 1n);
      return append(...args);
    };
    expect(await deliver(message(register), await bearer())).toMatchObject({ outcome: 'processed' });
    expect(failures).toBe(-1);
    expect(inbox.deadLetters).toHaveLength(0);
  });
});
