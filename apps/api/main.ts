import '../../libs/shared/runtime/check.js';
import { Logger } from '@nestjs/common';
import { createLogger } from '../../libs/observability/index.js';
import { createApp } from './app.module.js';
import { PinoNestLogger } from './infrastructure/observability/index.js';
import { loadApiConfig } from './config.js';
import { loadOrExit } from '../../libs/config/index.js';
import { isClusterPrimary, runCluster } from './cluster.js';

async function main(): Promise<void> {
  const config = loadOrExit(() => loadApiConfig(), 1);
  if (config.processes > 1 && isClusterPrimary()) {
    const log = createLogger('api', config.logLevel);
    log.info(`starting ${config.processes} API processes on ${config.host}:${config.port}`);
    process.exitCode = await runCluster(config.processes, { info: (m) => log.info(m), error: (m) => log.error(m) });
    return;
  }
  const app = await createApp(config, { logger: new PinoNestLogger(createLogger('api', config.logLevel)) });
  await app.listen(config.port, config.host);
  const logger = new Logger('Polku');
  const url = await app.getUrl();
  logger.log(`Polku API listening on ${url} (docs: ${url}/docs, auth: ${config.auth.mode})`);
}

main().catch((error: unknown) => {
  console.error('Polku API failed to start:', error);
  process.exit(1);
});
