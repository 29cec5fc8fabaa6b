import { randomBytes } from 'node:crypto';
import type { RecordedEvent } from '../../events/index.js';
import { clientStateOf, foldClientState } from '../../domain/index.js';
import { activityDays, CLIENT_ID, History, kutyRunning } from '../../domain/test-support/index.js';
import { DecisionStateSeal } from '../../event-store/protection/index.js';
import { applyEvents } from './read-model.js';
import {
  carriedDecisionState,
  decisionSnapshotOf,
  readStoreDecisionSnapshots,
  sealCarriedState,
  storedDecisionStateOf,
} from './decision-snapshot.js';

const recorded = (h: History): RecordedEvent[] =>
  h.events.map((e, i) => ({ ...e, streamVersion: BigInt(i + 1), globalPosition: BigInt(10 * (i + 1)) }));
/** The client's key, as the key store would give it; no other client has one. */
const KEY = randomBytes(32);
const seal = new DecisionStateSeal({ getKey: async (clientId) => (clientId === CLIENT_ID ? KEY : null) });
/** The carried state as the read store gives it back: sealed, through JSON, like every stored document. */
const projected = async (events: RecordedEvent[]) => {
  const model = await sealCarriedState(applyEvents(undefined, events), seal);
  return { lastPosition: model.lastPosition, state: JSON.parse(JSON.stringify(model.state)) };
};
/** The snapshot of a carried state, taken from it as the read store's `decisionState` gives it. */
const snapshotOf = (
  clientId: string,
  carried: { lastPosition: bigint; state: Record<string, unknown> },
  s: DecisionStateSeal,
) => decisionSnapshotOf(clientId, storedDecisionStateOf(carried), s);
/** A long, varied path: plans, a TYP relationship, referral, kuty period with attendance, people. */
const aPath = () =>
  kutyRunning()
    .kutyPeople()
    .attendance('period-1', activityDays('2025-01-15', 12))
    .personNamed('nurse-1', 'named_worker', '2025-02-01', 'county')
    .periodPaused('period-1', '2025-02-10')
    .benefit({ asOf: '2025-02-11' });

describe('the decision-state snapshot the projector carries', () => {
  it("equals the write side's own fold of the same events, with the last event's version and position", async () => {
    const events = recorded(aPath());
    const snapshot = await snapshotOf(CLIENT_ID, await projected(events), seal);
    expect(snapshot).toStrictEqual({
      state: clientStateOf(CLIENT_ID, events),
      version: BigInt(events.length),
      position: events.at(-1)!.globalPosition,
    });
  });

  it('projected part of the way, then folded on with the later events, equals the fold of them all', async () => {
    const events = recorded(aPath().periodEnded('period-1', '2025-03-01'));
    for (const cut of [1, 4, events.length - 1]) {
      const snapshot = (await snapshotOf(CLIENT_ID, await projected(events.slice(0, cut)), seal))!;
      expect(snapshot.version).toBe(BigInt(cut));
      expect(foldClientState(snapshot.state, events.slice(cut))).toEqual(clientStateOf(CLIENT_ID, events));
    }
  });

  it('is stored as sealed text that the projector folds on from like the state it sealed', async () => {
    const events = recorded(aPath().periodEnded('period-1', '2025-03-01'));
    const stored = await projected(events.slice(0, 5));
    expect(stored.state).not.toHaveProperty('domain');
    expect(stored.state.domainSeal).toMatch(/^[\w-]{43}$/);
    expect(carriedDecisionState(stored.state)).toEqual(applyEvents(undefined, events.slice(0, 5)).state.domain);
    const resumed = applyEvents({ ...applyEvents(undefined, events.slice(0, 5)), ...stored }, events.slice(5));
    expect(resumed.state).toEqual(applyEvents(undefined, events).state);
  });

  it('gives none once anything its seal covers differs: the text, the client, the version or the position', async () => {
    const events = recorded(aPath());
    const { lastPosition, state } = await projected(events);
    const altered = { ...state, domainJson: state.domainJson.replace('"paused"', '"running"') };
    expect(altered.domainJson).not.toBe(state.domainJson);
    expect(await snapshotOf(CLIENT_ID, { lastPosition, state: altered }, seal)).toBeNull();
    const otherClient = new DecisionStateSeal({ getKey: async () => KEY }); // the same key, another id
    expect(await snapshotOf('another-client', { lastPosition, state }, otherClient)).toBeNull();
    const laterVersion = { ...state, streamVersion: String(events.length + 1) };
    expect(await snapshotOf(CLIENT_ID, { lastPosition, state: laterVersion }, seal)).toBeNull();
    expect(await snapshotOf(CLIENT_ID, { lastPosition: lastPosition + 1n, state }, seal)).toBeNull();
    expect(await snapshotOf(CLIENT_ID, { lastPosition, state }, seal)).not.toBeNull(); // as stored
  });

  it("gives none under another key, or without the client's key (destroyed)", async () => {
    const carried = await projected(recorded(aPath()));
    const otherKey = new DecisionStateSeal({ getKey: async () => randomBytes(32) });
    const noKey = new DecisionStateSeal({ getKey: async () => null });
    expect(await snapshotOf(CLIENT_ID, carried, otherKey)).toBeNull();
    expect(await snapshotOf(CLIENT_ID, carried, noKey)).toBeNull();
  });

  it('gives none for a state stored unsealed (by older code, or with no key to seal with)', async () => {
    const model = applyEvents(undefined, recorded(aPath()));
    const unsealed = JSON.parse(JSON.stringify(model.state));
    expect(await snapshotOf(CLIENT_ID, { lastPosition: model.lastPosition, state: unsealed }, seal)).toBeNull();
    const noKey = await sealCarriedState(model, new DecisionStateSeal({ getKey: async () => null }));
    expect(noKey).toBe(model);
    expect(carriedDecisionState(unsealed)).toEqual(model.state.domain); // reads still have it
  });

  it('gives none for an erased client, whose state is not sealed: a command on one reads the stream', async () => {
    const erased = aPath().add('ClientDataErased', { erasedOn: '2030-01-01', ground: 'typ_retention_4_years' });
    const carried = await projected(recorded(erased));
    expect(carried.state).not.toHaveProperty('domainSeal');
    expect(await snapshotOf(CLIENT_ID, carried, seal)).toBeNull();
  });

  it('reads the decision state from the read store, and none for a client it does not have', async () => {
    const carried = await projected(recorded(aPath()));
    const snapshots = readStoreDecisionSnapshots(
      { decisionState: async (clientId) => (clientId === CLIENT_ID ? storedDecisionStateOf(carried) : null) },
      seal,
    );
    expect((await snapshots.snapshotOf(CLIENT_ID))?.version).toBe(BigInt(aPath().events.length));
    expect(await snapshots.snapshotOf('someone-else')).toBeNull();
  });
});
