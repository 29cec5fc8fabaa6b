/**
 * The cpu probe in a process of its own (bench/lib/cpu-probe.ts, `cpuProbeInFreshProcess`):
 * prints one core's time for the probe's work, in ms. A long-lived process's own state (its
 * heap, the modules it loaded) moved the same probe by ~1.3× on this VM; a fresh process each
 * time measures the machine alone.
 */
import { cpuProbeMs } from './cpu-probe.js';

process.stdout.write(`${cpuProbeMs()}\n`);
