/**
 * How the machine's cores were spent while a suite or phase ran, from Linux's `/proc/stat`:
 * busy (user, nice, system, interrupts), waiting for the disk, idle, and **stolen** — time the
 * virtual machine's host gave to someone else. A run whose rate drops with no change in the
 * code can then be told apart from a run on less machine (docs/performance.md, "The machine
 * during each suite"). Shares are of all cores' time over the interval, in per cent.
 */
import { existsSync, readFileSync } from 'node:fs';

/** The aggregate `cpu` line of /proc/stat, in clock ticks since boot. */
export interface CpuTimes {
  user: number;
  nice: number;
  system: number;
  idle: number;
  iowait: number;
  irq: number;
  softirq: number;
  steal: number;
}

export interface MachineShare {
  seconds: number;
  busyPercent: number;
  iowaitPercent: number;
  idlePercent: number;
  /** Taken by the VM's host for others: the cores were not this machine's to use. */
  stealPercent: number;
}

/** The first line of /proc/stat's text; undefined when it has no aggregate `cpu` line. */
export function parseCpuTimes(procStat: string): CpuTimes | undefined {
  const line = procStat.split('\n').find((l) => /^cpu\s/.test(l));
  if (!line) return undefined;
  // user nice system idle iowait irq softirq steal (guest time is already counted in user)
  const f = line.trim().split(/\s+/).slice(1).map(Number);
  if (f.length < 8 || f.slice(0, 8).some((n) => !Number.isFinite(n))) return undefined;
  const [user, nice, system, idle, iowait, irq, softirq, steal] = f;
  return { user, nice, system, idle, iowait, irq, softirq, steal };
}

/** This machine's CPU times now with the time they were read at; undefined where there is no /proc/stat. */
export function readCpuTimes(): { at: number; times: CpuTimes } | undefined {
  if (!existsSync('/proc/stat')) return undefined;
  const times = parseCpuTimes(readFileSync('/proc/stat', 'utf8'));
  return times && { at: performance.now(), times };
}

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

/** The shares between two readings; undefined if either is missing or no tick passed. */
export function machineShare(
  before: { at: number; times: CpuTimes } | undefined,
  after: { at: number; times: CpuTimes } | undefined,
): MachineShare | undefined {
  if (!before || !after) return undefined;
  const d = (k: keyof CpuTimes) => after.times[k] - before.times[k];
  const busy = d('user') + d('nice') + d('system') + d('irq') + d('softirq');
  const total = busy + d('idle') + d('iowait') + d('steal');
  if (total <= 0) return undefined;
  const percent = (n: number) => oneDecimal((100 * n) / total);
  return {
    seconds: oneDecimal((after.at - before.at) / 1000),
    busyPercent: percent(busy),
    iowaitPercent: percent(d('iowait')),
    idlePercent: percent(d('idle')),
    stealPercent: percent(d('steal')),
  };
}

/** Runs `work` and says how the machine's cores were spent meanwhile. */
export async function withMachineShare<T>(work: () => Promise<T>): Promise<{ result: T; machine?: MachineShare }> {
  const before = readCpuTimes();
  const result = await work();
  return { result, machine: machineShare(before, readCpuTimes()) };
}

/** One line for the log: `busy 93.1 %, disk wait 1.2 %, stolen 4.0 % over 31.5 s`. */
export function describeShare(m: MachineShare | undefined): string {
  return m
    ? `busy ${m.busyPercent} %, disk wait ${m.iowaitPercent} %, stolen by the host ${m.stealPercent} % over ${m.seconds} s`
    : 'not measured (no /proc/stat)';
}

/** A suite's record in the bench's results: its machine share, and one core's speed just before it. */
export interface SuiteMachine extends Partial<MachineShare> {
  suite: string;
  /** bench/lib/cpu-probe.ts: ms, lower is faster. */
  cpuProbeMs: number;
}

/**
 * The lines under the bench's table: the suites during which the host took a notable share of
 * the cores, and the spread of the core's speed between suites, naming the slow ones.
 */
export function machineSummary(suites: SuiteMachine[]): string {
  if (suites.length === 0) return '';
  const steal = (m: SuiteMachine) => m.stealPercent ?? 0;
  const stolen = suites.filter((m) => steal(m) >= NOTABLE_STEAL_PERCENT);
  const lines = [
    stolen.length > 0
      ? `the VM's host took ≥ ${NOTABLE_STEAL_PERCENT} % of the cores during: ${stolen
          .map((m) => `${m.suite} (${m.stealPercent} %)`)
          .join(', ')}; their rows were measured on less machine`
      : `the VM's host took under ${NOTABLE_STEAL_PERCENT} % of the cores during every suite (most: ${Math.max(...suites.map(steal))} %)`,
  ];
  const fastest = Math.min(...suites.map((m) => m.cpuProbeMs));
  const slow = suites.filter((m) => m.cpuProbeMs >= fastest * NOTABLE_PROBE_SLOWDOWN);
  const slowest = Math.max(...suites.map((m) => m.cpuProbeMs));
  lines.push(
    `one core's speed before each suite (cpu probe, lower is faster): ${fastest} to ${slowest} ms` +
      (slow.length > 0
        ? `; ≥ ${Math.round((NOTABLE_PROBE_SLOWDOWN - 1) * 100)} % slower than the fastest before: ${slow
            .map((m) => `${m.suite} (${m.cpuProbeMs} ms)`)
            .join(', ')}`
        : ''),
  );
  return `\n${lines.join('\n')}\n`;
}

/**
 * A probe this much slower than the run's fastest is named under the table: a choice, above the
 * spread of back-to-back fresh-process probes measured on this VM (21.1–24.8 ms).
 */
export const NOTABLE_PROBE_SLOWDOWN = 1.25;

/**
 * Above this share of stolen time a suite's rows were measured on noticeably less machine:
 * the bench's summary names the suite. (Measured on this 2-core VM: 0.03 % over an idle half
 * minute, 3.9 % over five seconds of a broker starting.)
 */
export const NOTABLE_STEAL_PERCENT = 5;
