import { openStores } from '../libs/adapters/open-stores/index.js';
import { startTestApp, testProjector, type TestApp } from './support/index.js';

/**
 * The API's commands start a client missing from the cache from the projector's decision
 * state in the read store (CLIENT_STATE_SNAPSHOTS), as /metrics counts them. The cache is off,
 * so every command loads its client.
 */
describe('commands on a client the projector has folded', () => {
  const clientId = 'te-keski-suomi:snapshot-1';
  const loadsOn = async (t: TestApp): Promise<Record<string, number>> => {
    const text = (await t.http.get('/metrics')).text;
    const counted = text.matchAll(/polku_client_state_loads_total\{from="(\w+)",service="api"\} (\d+)/g);
    return Object.fromEntries([...counted].map(([, from, n]) => [from, Number(n)]));
  };

  const sealFailuresOn = async (t: TestApp): Promise<number> => {
    const text = (await t.http.get('/metrics')).text;
    return Number(/polku_decision_state_seal_failures_total\{service="api"\} (\d+)/.exec(text)?.[1]);
  };

  /**
   * Registers a client, lets the projector fold it, names a person on it; the loads counted.
   * `alter` changes the projected state in the read store first, behind the projector's back.
   */
  async function registerProjectName(
    env: Record<string, string>,
    alter?: (t: TestApp) => Promise<void>,
  ): Promise<Record<string, number>> {
    const t = await startTestApp({ env: { CLIENT_STATE_CACHE_MAX_CLIENTS: '0', ...env } });
    const projector = await testProjector(t.config);
    try {
      const auth = await t.authHeader('employmentOfficer');
      const registered = await t.http
        .post('/clients')
        .set(auth)
        .send({ clientId, fullName: 'Saara Snapshot', birthDate: '1990-01-01', municipality: 'Oulu' });
      expect(registered.status).toBe(201);
      await projector.catchUp();
      await alter?.(t);
      const named = await t.http
        .post(`/clients/${clientId}/people`)
        .set(auth)
        .send({
          personId: 'te-keski-suomi-olli',
          personName: 'Olli Officer',
          role: 'responsible_officer',
          organisation: { organisationId: 'te-keski-suomi', organisationType: 'employment_authority' },
          namedOn: '2025-06-02',
        });
      expect(named.status).toBe(201);
      expect(named.body.streamVersion).toBe('2');
      return { ...(await loadsOn(t)), sealFailures: await sealFailuresOn(t) };
    } finally {
      await projector.close();
      await t.close();
    }
  }

  it('start from the snapshot: only the new client’s first command reads its stream', async () => {
    expect(await registerProjectName({})).toEqual({ stream: 1, snapshot: 1, sealFailures: 0 });
  });

  it('read the whole stream, and count a seal failure, when the projected state was altered in the read store', async () => {
    const altered = await registerProjectName({}, async (t) => {
      const stores = await openStores(t.config); // write access to the read store, outside the projector
      try {
        const model = (await stores.readStore.getClients([clientId])).get(clientId)!;
        const state = model.state as { domainJson: string };
        const domain = JSON.parse(state.domainJson) as { people: unknown[] };
        domain.people.push({ personId: 'intruder', role: 'responsible_officer' });
        const forged = { ...model, state: { ...state, domainJson: JSON.stringify(domain) } };
        await stores.readStore.commitBatch([forged], await stores.readStore.checkpoint());
      } finally {
        await stores.close();
      }
    });
    expect(altered).toEqual({ stream: 2, sealFailures: 1 });
  });

  it('read the whole stream every time with CLIENT_STATE_SNAPSHOTS=off', async () => {
    expect(await registerProjectName({ CLIENT_STATE_SNAPSHOTS: 'off' })).toEqual({ stream: 2, sealFailures: 0 });
  });
});
