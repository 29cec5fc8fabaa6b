import cluster, { type Worker } from 'node:cluster';

export interface ClusterLog {
  info(message: string): void;
  error(message: string): void;
}

/**
 * The primary of `API_PROCESSES` API processes sharing one port (node:cluster hands the
 * connections out round robin). Everything a process keeps is a cache or a connection: the
 * stores serialise writes (SQLite's write lock, PostgreSQL's transactions) and every append
 * checks the stream version, so processes need not know about each other. A process that
 * dies is replaced (at most one replacement per `restartDelayMs`, so a crash loop does not
 * spin); SIGTERM/SIGINT stop them all and the primary exits when they have.
 * Resolves with the exit code once every process has stopped.
 */
export function runCluster(count: number, log: ClusterLog, restartDelayMs = 1_000): Promise<number> {
  let stopping = false;
  let lastRestart = 0;
  const fork = (): Worker => cluster.fork();

  for (let i = 0; i < count; i += 1) fork();

  return new Promise((resolve) => {
    cluster.on('exit', (worker, code, signal) => {
      if (stopping) {
        if (Object.keys(cluster.workers ?? {}).length === 0) resolve(0);
        return;
      }
      log.error(`API process ${worker.process.pid} exited (${signal ?? code}); starting another`);
      const wait = Math.max(0, lastRestart + restartDelayMs - Date.now());
      lastRestart = Date.now() + wait;
      setTimeout(() => {
        if (!stopping) fork();
      }, wait);
    });
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      log.info(`${signal}: stopping ${count} API processes`);
      const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
      if (workers.length === 0) resolve(0);
      for (const worker of workers) worker.process.kill('SIGTERM');
    };
    process.on('SIGTERM', () => stop('SIGTERM'));
    process.on('SIGINT', () => stop('SIGINT'));
  });
}

export const isClusterPrimary = (): boolean => cluster.isPrimary;
