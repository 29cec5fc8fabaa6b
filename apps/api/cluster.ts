import cluster, { type Worker } from 'node:cluster';

export interface ClusterLog {
  info(message: string): void;
  error(message: string): void;
}

/** Processes of one kind: `env` is added to each one's environment (e.g. `API_SERVES=reads`, its `PORT`). */
export interface ProcessGroup {
  name: string;
  count: number;
  env?: Record<string, string>;
}

/**
 * The primary of the API processes: `API_PROCESSES` sharing one port (node:cluster hands the
 * connections out round robin) and, when asked, `API_READ_PROCESSES` reads-only ones on a port
 * of their own. Everything a process keeps is a cache or a connection: the stores serialise
 * writes (SQLite's write lock, PostgreSQL's transactions) and every append checks the stream
 * version, so processes need not know about each other. A process that dies is replaced by
 * one of its own group (at most one replacement per `restartDelayMs`, so a crash loop does not
 * spin); SIGTERM/SIGINT stop them all and the primary exits when they have.
 * Resolves with the exit code once every process has stopped.
 */
export function runCluster(groups: readonly ProcessGroup[], log: ClusterLog, restartDelayMs = 1_000): Promise<number> {
  let stopping = false;
  let lastRestart = 0;
  const groupOf = new Map<number, ProcessGroup>();
  const fork = (group: ProcessGroup): void => {
    groupOf.set(cluster.fork(group.env).id, group);
  };
  const total = groups.reduce((sum, g) => sum + g.count, 0);

  for (const group of groups) for (let i = 0; i < group.count; i += 1) fork(group);

  return new Promise((resolve) => {
    cluster.on('exit', (worker, code, signal) => {
      const group = groupOf.get(worker.id);
      groupOf.delete(worker.id);
      if (stopping || !group) {
        if (Object.keys(cluster.workers ?? {}).length === 0) resolve(0);
        return;
      }
      log.error(`${group.name} process ${worker.process.pid} exited (${signal ?? code}); starting another`);
      const wait = Math.max(0, lastRestart + restartDelayMs - Date.now());
      lastRestart = Date.now() + wait;
      setTimeout(() => {
        if (!stopping) fork(group);
      }, wait);
    });
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      log.info(`${signal}: stopping ${total} API processes`);
      const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
      if (workers.length === 0) resolve(0);
      for (const worker of workers) worker.process.kill('SIGTERM');
    };
    process.on('SIGTERM', () => stop('SIGTERM'));
    process.on('SIGINT', () => stop('SIGINT'));
  });
}

export const isClusterPrimary = (): boolean => cluster.isPrimary;
