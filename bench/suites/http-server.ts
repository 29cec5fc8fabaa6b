/**
 * The real API (createApp, the same app main.ts boots) on the benchmark's data directory,
 * on 127.0.0.1 and a free port, with a fixed clock (so generated dates are "the past").
 * Prints `{"port":N}` on stdout once listening; SIGTERM closes it.
 */
import { createApp } from '../../apps/api/app.module.js';
import { loadApiConfig } from '../../apps/api/config.js';
import { argValue } from '../lib/util.js';

const argv = process.argv.slice(2);
const now = new Date(argValue(argv, 'now')!);
const config = loadApiConfig({
  ...process.env, NODE_ENV: 'development', HOST: '127.0.0.1', PORT: '0', DATA_DIR: argValue(argv, 'data')!,
  JWT_SECRET: argValue(argv, 'secret')!, AUTH_MODE: 'hs256',
});
const app = await createApp(config, { clock: () => now, logger: ['error'] });
await app.listen(0, '127.0.0.1');
const address = app.getHttpServer().address() as { port: number };
process.stdout.write(`${JSON.stringify({ port: address.port })}\n`);
const stop = () => { void app.close().then(() => process.exit(0)); };
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
