import '../../libs/shared/runtime/check.js';
import { Logger } from '@nestjs/common';
import { createLogger, routeProcessWarnings } from '../../libs/observability/index.js';
import { createApp } from './app.module.js';
import { PinoNestLogger } from './infrastructure/observability/index.js';
import { loadApiConfig } from './config.js';
import { loadOrExit, readsOnlyEnvironment } from '../../libs/config/index.js';
import { isClusterPrimary, runCluster } from './cluster.js';
import { applyCommandNice } from './process-priority.js';

async function main(): Promise<void> {
  const config = loadOrExit(() => loadApiConfig(), 1);
  // one logger for the process: its warnings, the cluster's lines, and Nest's
  const log = createLogger('api', config.logLevel);
  routeProcessWarnings(({ level, msg, ...rest }) => log[level](rest, msg));
  if ((config.processes > 1 || config.readProcesses > 0) && isClusterPrimary()) {
    log.info(`starting ${config.processes} API processes on ${config.host}:${config.port}`);
    if (config.readProcesses > 0)
      log.info(`starting ${config.readProcesses} reads-only API processes on ${config.host}:${config.readPort}`);
    const groups = [
      { name: 'API', count: config.processes },
      { name: 'reads-only API', count: config.readProcesses, env: readsOnlyEnvironment(config.readPort) },
    ];
    process.exitCode = await runCluster(groups, { info: (m) => log.info(m), error: (m) => log.error(m) });
    return;
  }
  applyCommandNice(config);
  const app = await createApp(config, { logger: new PinoNestLogger(log) });
  await app.listen(config.port, config.host);
  const logger = new Logger('Polku');
  const url = await app.getUrl();
  const serves = config.serves === 'reads' ? ', reads only' : '';
  logger.log(`Polku API listening on ${url} (docs: ${url}/docs, auth: ${config.auth.mode}${serves})`);
}

main().catch((error: unknown) => {
  console.error('Polku API failed to start:', error);
  process.exit(1);
});
