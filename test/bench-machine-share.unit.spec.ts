import { cpuProbeMs } from '../bench/lib/cpu-probe.js';
import {
  describeShare,
  machineShare,
  machineSummary,
  parseCpuTimes,
  withMachineShare,
} from '../bench/lib/machine-share.js';

// two readings of a 2-core VM's /proc/stat, ten seconds (2,000 ticks of both cores) apart
const before = `cpu  1000 50 400 8000 100 0 30 20 0 0
cpu0 500 25 200 4000 50 0 15 10 0 0
cpu1 500 25 200 4000 50 0 15 10 0 0
intr 123456
`;
const after = `cpu  2100 50 700 8400 140 0 60 220 0 0
cpu0 1050 25 350 4200 70 0 30 110 0 0
cpu1 1050 25 350 4200 70 0 30 110 0 0
`;

describe('the bench’s record of how the machine’s cores were spent', () => {
  it('reads the aggregate cpu line of /proc/stat, not a single core’s', () => {
    expect(parseCpuTimes(before)).toEqual({
      user: 1000,
      nice: 50,
      system: 400,
      idle: 8000,
      iowait: 100,
      irq: 0,
      softirq: 30,
      steal: 20,
    });
  });

  it('gives no times for text without an aggregate cpu line or with too few fields', () => {
    expect(parseCpuTimes('cpu0 1 2 3 4 5 6 7 8\n')).toBeUndefined();
    expect(parseCpuTimes('cpu  1 2 3\n')).toBeUndefined();
    expect(parseCpuTimes('')).toBeUndefined();
  });

  it('splits the time between two readings into busy, disk wait, idle and stolen, of all cores', () => {
    const share = machineShare({ at: 0, times: parseCpuTimes(before)! }, { at: 10_000, times: parseCpuTimes(after)! });
    // deltas: busy 1,100 + 300 + 30 = 1,430; iowait 40; idle 400; steal 200; of 2,070 ticks
    expect(share).toEqual({
      seconds: 10,
      busyPercent: 69.1,
      iowaitPercent: 1.9,
      idlePercent: 19.3,
      stealPercent: 9.7,
    });
    expect(describeShare(share)).toBe('busy 69.1 %, disk wait 1.9 %, stolen by the host 9.7 % over 10 s');
  });

  it('says nothing rather than something made up when a reading is missing or no tick passed', () => {
    const times = parseCpuTimes(before)!;
    expect(machineShare(undefined, { at: 1, times })).toBeUndefined();
    expect(machineShare({ at: 0, times }, { at: 1, times })).toBeUndefined();
    expect(describeShare(undefined)).toBe('not measured (no /proc/stat)');
  });

  it('measures this machine (Linux) around a piece of work and hands back the work’s result', async () => {
    const { result, machine } = await withMachineShare(async () => {
      const until = Date.now() + 150; // a few clock ticks of work on one core
      let spins = 0;
      while (Date.now() < until) spins++;
      return spins;
    });
    expect(result).toBeGreaterThan(0);
    expect(machine).toBeDefined();
    const { busyPercent, iowaitPercent, idlePercent, stealPercent } = machine!;
    expect(busyPercent).toBeGreaterThan(0);
    expect(busyPercent + iowaitPercent + idlePercent + stealPercent).toBeCloseTo(100, 0);
  });

  it('names under the table the suites run on less machine: the host’s share, and a slow core', () => {
    const quiet = { busyPercent: 50, iowaitPercent: 1, idlePercent: 48.9, seconds: 10 };
    expect(
      machineSummary([
        { suite: 'store (ours)', cpuProbeMs: 20, stealPercent: 0.1, ...quiet },
        { suite: 'rebuild (by-stream)', cpuProbeMs: 26, stealPercent: 1, ...quiet },
        { suite: 'http', cpuProbeMs: 21, stealPercent: 10.8, ...quiet },
      ]),
    ).toBe(
      "\nthe VM's host took ≥ 5 % of the cores during: http (10.8 %); their rows were measured on less machine\n" +
        "one core's speed before each suite (cpu probe, lower is faster): 20 to 26 ms; ≥ 25 % slower than the fastest before: rebuild (by-stream) (26 ms)\n",
    );
    // a machine the same throughout: nothing named; where /proc/stat was missing, no share
    expect(
      machineSummary([
        { suite: 'store (ours)', cpuProbeMs: 20, stealPercent: 0.4, ...quiet },
        { suite: 'queries', cpuProbeMs: 24.9 },
      ]),
    ).toBe(
      "\nthe VM's host took under 5 % of the cores during every suite (most: 0.4 %)\n" +
        "one core's speed before each suite (cpu probe, lower is faster): 20 to 24.9 ms\n",
    );
    expect(machineSummary([])).toBe('');
  });

  it('probes a core’s speed with a fixed piece of work', () => {
    expect(cpuProbeMs()).toBeGreaterThan(0);
  });
});
