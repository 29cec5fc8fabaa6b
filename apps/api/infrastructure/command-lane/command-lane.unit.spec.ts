import { CommandLane } from './command-lane.js';

describe('CommandLane', () => {
  const recorder = () => {
    const started: string[] = [];
    const leaves = new Map<string, () => void>();
    const work = (name: string) => (leave: () => void) => {
      started.push(name);
      leaves.set(name, leave);
    };
    return { started, leaves, work };
  };

  it('starts work at once while a place is free and queues the rest in arrival order', () => {
    const lane = new CommandLane(2);
    const { started, leaves, work } = recorder();
    for (const name of ['a', 'b', 'c', 'd']) lane.admit(work(name));
    expect(started).toEqual(['a', 'b']);
    expect([lane.busy, lane.queued]).toEqual([2, 2]);
    leaves.get('b')!();
    expect(started).toEqual(['a', 'b', 'c']);
    leaves.get('a')!();
    expect(started).toEqual(['a', 'b', 'c', 'd']);
    expect([lane.busy, lane.queued]).toEqual([2, 0]);
  });

  it('frees one place per started work however often it leaves', () => {
    const lane = new CommandLane(1);
    const { started, leaves, work } = recorder();
    for (const name of ['a', 'b', 'c']) lane.admit(work(name));
    leaves.get('a')!();
    leaves.get('a')!(); // a second leave (close after finish) must not start c beside b
    expect(started).toEqual(['a', 'b']);
    expect(lane.busy).toBe(1);
  });

  it('never starts work withdrawn while it waits; withdrawing started work changes nothing', () => {
    const lane = new CommandLane(1);
    const { started, leaves, work } = recorder();
    const a = lane.admit(work('a'));
    const b = lane.admit(work('b'));
    lane.admit(work('c'));
    b.withdraw();
    expect(lane.queued).toBe(1);
    a.withdraw();
    expect(lane.busy).toBe(1);
    leaves.get('a')!();
    expect(started).toEqual(['a', 'c']);
  });

  it('reports every change of running and waiting work', () => {
    const changes: [number, number][] = [];
    const lane = new CommandLane(1, (busy, queued) => changes.push([busy, queued]));
    const { leaves, work } = recorder();
    lane.admit(work('a'));
    lane.admit(work('b')).withdraw();
    leaves.get('a')!();
    expect(changes).toEqual([
      [1, 0],
      [1, 1],
      [1, 0],
      [0, 0],
    ]);
  });

  it('refuses a lane without places', () => {
    expect(() => new CommandLane(0)).toThrow(RangeError);
  });
});
