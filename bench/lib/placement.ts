/**
 * Where the bench's processes run, for a machine with cores to spare: `--server-cpus 0-3`
 * pins the processes measured (API, ingest, rebuild), `--load-cpus 4-5` the bench itself and
 * the load it makes (autocannon, the paced reader, the Kafka producer), so that a target is
 * measured with its callers on cores of their own, as they would be on other machines.
 * Without the flags nothing is pinned and every process shares every core (the default run).
 * Linux only: through `taskset` (util-linux), which sets the affinity of a process and of the
 * threads and processes it starts later.
 */
import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { argValue } from './util.js';

export interface Placement {
  /** CPU list (taskset's form, `0-3` or `0,2`) of the processes measured. */
  serverCpus?: string;
  /** CPU list of the bench process and its load generators. */
  loadCpus?: string;
  /**
   * HTTP only: the CPU list of the reads-only API process and of the paced reader that calls
   * it (the second phase), as a deployment gives the reads cores of their own.
   */
  readsCpus?: string;
}

const CPU_LIST = /^\d+(-\d+)?(,\d+(-\d+)?)*$/;

/** The placement named on the command line; a malformed list or a CPU the machine lacks is an error. */
export function placementFrom(argv: string[]): Placement {
  const serverCpus = cpuListArg(argv, 'server-cpus');
  const loadCpus = cpuListArg(argv, 'load-cpus');
  const readsCpus = cpuListArg(argv, 'reads-cpus');
  return { ...(serverCpus && { serverCpus }), ...(loadCpus && { loadCpus }), ...(readsCpus && { readsCpus }) };
}

/** The flags that hand a placement on to a suite's process. */
export function placementArgs(p: Placement): string[] {
  return [
    ...(p.serverCpus ? ['--server-cpus', p.serverCpus] : []),
    ...(p.loadCpus ? ['--load-cpus', p.loadCpus] : []),
    ...(p.readsCpus ? ['--reads-cpus', p.readsCpus] : []),
  ];
}

/** A command line that starts `file` on `cpus` (or as it is, without them); the child keeps its pid. */
export function onCpus(cpus: string | undefined, file: string, args: string[]): [string, string[]] {
  return cpus ? ['taskset', ['--cpu-list', cpus, file, ...args]] : [file, args];
}

/** Pins this process, all its threads, to `cpus`; what it starts later inherits them. */
export function pinThisProcess(cpus: string | undefined): void {
  pinProcess(process.pid, cpus);
}

/** Pins a running process, all its threads, to `cpus` (for a child started by `fork`, which takes no wrapper). */
export function pinProcess(pid: number | undefined, cpus: string | undefined): void {
  if (!cpus || pid === undefined) return;
  execFileSync('taskset', ['--all-tasks', '--cpu-list', '--pid', cpus, String(pid)], { stdio: 'ignore' });
}

function cpuListArg(argv: string[], name: string): string | undefined {
  const raw = argValue(argv, name);
  if (raw === undefined) return undefined;
  if (!CPU_LIST.test(raw)) throw new Error(`--${name} must be a CPU list such as 0-3 or 0,2, got "${raw}"`);
  const highest = Math.max(...raw.split(/[,-]/).map(Number));
  const cpus = availableParallelism();
  if (highest >= cpus) throw new Error(`--${name} names CPU ${highest}, and this machine has ${cpus} (0-${cpus - 1})`);
  return raw;
}
