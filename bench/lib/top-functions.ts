/**
 * `node bench/dist-bench/bench/lib/top-functions.js <file.cpuprofile> [n]`: self time per
 * function (and per file) from a V8 CPU profile, to read `node --cpu-prof` output.
 */
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export function topFunctions(file: string, n = 25): { fn: string; selfMs: number; pct: number }[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byFn = new Map<string, number>();
  for (const [id, us] of self) {
    const f = byId.get(id)!.callFrame;
    const where = f.url
      ? `${f.url.replace(/^.*\/(dist-bench|node_modules)\//, '$1/')}:${f.lineNumber + 1}`
      : '(native)';
    const key = `${f.functionName || '(anonymous)'} ${where}`;
    byFn.set(key, (byFn.get(key) ?? 0) + us);
  }
  return [...byFn.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([fn, us]) => ({ fn, selfMs: Math.round(us / 1000), pct: Math.round((us / total) * 1000) / 10 }));
}

if (process.argv[1]?.endsWith('top-functions.js')) {
  for (const row of topFunctions(process.argv[2], Number(process.argv[3] ?? 25))) {
    process.stdout.write(`${String(row.pct).padStart(5)}%  ${String(row.selfMs).padStart(7)} ms  ${row.fn}\n`);
  }
}
