import type { RecordedEvent } from '../../events/index.js';
import { clientStateOf, foldClientState } from '../../domain/index.js';
import { activityDays, CLIENT_ID, History, kutyRunning } from '../../domain/test-support/index.js';
import { applyEvents } from './read-model.js';
import { decisionSnapshotOf, readStoreDecisionSnapshots } from './decision-snapshot.js';

const recorded = (h: History): RecordedEvent[] =>
  h.events.map((e, i) => ({ ...e, streamVersion: BigInt(i + 1), globalPosition: BigInt(10 * (i + 1)) }));
/** The carried state as the read store gives it back: through JSON, like every stored document. */
const projected = (events: RecordedEvent[]) => {
  const model = applyEvents(undefined, events);
  return { lastPosition: model.lastPosition, state: JSON.parse(JSON.stringify(model.state)) };
};
/** A long, varied path: plans, a TYP relationship, referral, kuty period with attendance, people. */
const aPath = () =>
  kutyRunning()
    .kutyPeople()
    .attendance('period-1', activityDays('2025-01-15', 12))
    .personNamed('nurse-1', 'named_worker', '2025-02-01', 'county')
    .periodPaused('period-1', '2025-02-10')
    .benefit({ asOf: '2025-02-11' });

describe('the decision-state snapshot the projector carries', () => {
  it("equals the write side's own fold of the same events, with the last event's version and position", () => {
    const events = recorded(aPath());
    const snapshot = decisionSnapshotOf(CLIENT_ID, projected(events));
    expect(snapshot).toStrictEqual({
      state: clientStateOf(CLIENT_ID, events),
      version: BigInt(events.length),
      position: events.at(-1)!.globalPosition,
    });
  });

  it('projected part of the way, then folded on with the later events, equals the fold of them all', () => {
    const events = recorded(aPath().periodEnded('period-1', '2025-03-01'));
    for (const cut of [1, 4, events.length - 1]) {
      const snapshot = decisionSnapshotOf(CLIENT_ID, projected(events.slice(0, cut)))!;
      expect(snapshot.version).toBe(BigInt(cut));
      expect(foldClientState(snapshot.state, events.slice(cut))).toEqual(clientStateOf(CLIENT_ID, events));
    }
  });

  it('gives none for a state projected before the stream version was carried', () => {
    const { lastPosition, state } = projected(recorded(aPath()));
    delete state.streamVersion;
    expect(decisionSnapshotOf(CLIENT_ID, { lastPosition, state })).toBeNull();
  });

  it('gives none for an erased client: a command on one reads the stream', () => {
    const erased = aPath().add('ClientDataErased', { erasedOn: '2030-01-01', ground: 'typ_retention_4_years' });
    expect(decisionSnapshotOf(CLIENT_ID, projected(recorded(erased)))).toBeNull();
  });

  it('reads the carried state from the read store, and none for a client it does not have', async () => {
    const carried = projected(recorded(aPath()));
    const snapshots = readStoreDecisionSnapshots({
      clientState: async (clientId) => (clientId === CLIENT_ID ? carried : null),
    });
    expect((await snapshots.snapshotOf(CLIENT_ID))?.version).toBe(BigInt(aPath().events.length));
    expect(await snapshots.snapshotOf('someone-else')).toBeNull();
  });
});
