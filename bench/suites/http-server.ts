/**
 * The real API (createApp, the same app main.ts boots) on the benchmark's data directory,
 * on 127.0.0.1 and a free port, with a fixed clock (so generated dates are "the past").
 * `--processes N` runs N API processes on the port like `API_PROCESSES=N` (node:cluster);
 * `--serves reads` makes it a reads-only process (`API_SERVES=reads`); `--command-nice N` is
 * `API_COMMAND_NICE=N`.
 * Prints `{"port":N}` on stdout once listening; SIGTERM closes it.
 */
import cluster from 'node:cluster';
import { createApp } from '../../apps/api/app.module.js';
import { loadApiConfig } from '../../apps/api/config.js';
import { applyCommandNice } from '../../apps/api/process-priority.js';
import { argNumber, argValue } from '../lib/util.js';
import { testEnvironment } from '../../libs/config/index.js';

const argv = process.argv.slice(2);
const processes = argNumber(argv, 'processes', 1);

if (processes > 1 && cluster.isPrimary) {
  let listening = 0;
  cluster.on('listening', (_worker, address) => {
    if (++listening === processes) process.stdout.write(`${JSON.stringify({ port: address.port })}\n`);
  });
  for (let i = 0; i < processes; i += 1) cluster.fork();
  const stop = () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    cluster.on('exit', () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
} else {
  const now = new Date(argValue(argv, 'now')!);
  const config = loadApiConfig({
    ...testEnvironment().inherited,
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: argValue(argv, 'data')!,
    JWT_SECRET: argValue(argv, 'secret')!,
    AUTH_MODE: 'hs256',
    API_SERVES: argValue(argv, 'serves') ?? 'all',
    API_COMMAND_NICE: argValue(argv, 'command-nice') ?? '0',
  });
  applyCommandNice(config);
  const app = await createApp(config, { clock: () => now, logger: ['error'] });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  if (cluster.isPrimary) process.stdout.write(`${JSON.stringify({ port: address.port })}\n`);
  const stop = () => {
    void app.close().then(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
