import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../../shared/testing/index.js';

/**
 * A PostgreSQL server of a test's own, for tests that stop and start the server (never the
 * shared one other tests run on). Found and run the way scripts/ci/postgres.sh does: the
 * newest Debian /usr/lib/postgresql/<v>/bin (or initdb on PATH); as root, the server runs
 * as the `postgres` OS user (it refuses root). Lives in a temp dir, on a free port,
 * 127.0.0.1 only, trust auth; destroy() stops it and removes the directory.
 */
export function postgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(a) - Number(b))
    : [];
  if (versions.length > 0) return join(root, versions.at(-1)!, 'bin');
  const onPath = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim();
  return onPath ? onPath.replace(/\/initdb$/, '') : undefined;
}

const OWNER = 'postgres';
const isRoot = () => process.getuid?.() === 0;

export class ThrowawayPostgres {
  private constructor(
    private readonly bin: string,
    readonly dir: string,
    readonly port: number,
  ) {}

  /** Initialises a cluster (not started: call start()). */
  static async create(bin: string): Promise<ThrowawayPostgres> {
    const dir = mkdtempSync(join(tmpdir(), 'polku-pg-throwaway-'));
    const server = new ThrowawayPostgres(bin, dir, await freePort());
    if (isRoot()) {
      const uid = Number(execFileSync('id', ['-u', OWNER], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', OWNER], { encoding: 'utf8' }).trim());
      chownSync(dir, uid, gid);
    }
    server.run('initdb', ['-D', server.data, `--username=${OWNER}`, '--auth=trust', '--encoding=UTF8', '--no-locale']);
    // TCP from 127.0.0.1 only, no Unix socket (no socket-directory permissions to get right)
    writeFileSync(join(server.data, 'pg_hba.conf'), 'host all all 127.0.0.1/32 trust\n');
    appendFileSync(
      join(server.data, 'postgresql.conf'),
      `listen_addresses = '127.0.0.1'\nport = ${server.port}\nunix_socket_directories = ''\nfsync = off\n`,
    );
    return server;
  }

  get data(): string {
    return join(this.dir, 'data');
  }

  /** The URL of database `postgres` (the one initdb creates). */
  get url(): string {
    return `postgres://${OWNER}@127.0.0.1:${this.port}/postgres`;
  }

  start(): void {
    this.run('pg_ctl', ['-D', this.data, '-l', join(this.dir, 'server.log'), '-w', '-t', '60', 'start']);
  }

  /** Fast shutdown: sessions are terminated (57P01), as in a real restart. */
  stop(): void {
    this.run('pg_ctl', ['-D', this.data, '-m', 'fast', '-w', '-t', '60', 'stop']);
  }

  destroy(): void {
    if (existsSync(join(this.data, 'postmaster.pid'))) {
      this.run('pg_ctl', ['-D', this.data, '-m', 'immediate', '-w', 'stop'], false);
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  private run(tool: string, args: string[], check = true): void {
    const command = isRoot() ? 'runuser' : join(this.bin, tool);
    const argv = isRoot() ? ['-u', OWNER, '--', join(this.bin, tool), ...args] : args;
    // cwd '/': the postgres user may not be allowed into the test's working directory
    const result = spawnSync(command, argv, { cwd: '/', encoding: 'utf8', timeout: 120_000 });
    if (check && result.status !== 0) {
      throw new Error(
        `${tool} ${args.join(' ')} failed (${result.status ?? result.error?.message}): ${result.stderr}${result.stdout}`,
      );
    }
  }
}
