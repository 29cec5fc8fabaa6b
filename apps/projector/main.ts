/**
 * Projector process: `node dist/apps/projector/main.js [follow|rebuild|catch-up]`.
 * stdout carries one JSON line per event worth noticing (batch committed, done, stopping);
 * stderr carries errors. SIGTERM/SIGINT finish the batch in flight, close the stores, exit 0.
 */
import '../../libs/shared/runtime/check.js';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openStores, untilAvailable } from '../../libs/adapters/open-stores/index.js';
import {
  ConfigError,
  loadProjectorConfig,
  parseProjectorMode,
  type ProjectorConfig,
  type ProjectorMode,
} from '../../libs/config/index.js';
import { closeServer, startHealthServer } from './runtime/health.js';
import { Projector } from './runtime/projector.js';
import { PolkuMetrics, routeProcessWarnings } from '../../libs/observability/index.js';

const log = (entry: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(entry)}\n`);
const logError = (entry: Record<string, unknown>) =>
  process.stderr.write(`${JSON.stringify({ level: 'error', ...entry })}\n`);

async function main(args: string[]): Promise<number> {
  routeProcessWarnings(log);
  let mode: ProjectorMode;
  let config: ProjectorConfig;
  try {
    mode = parseProjectorMode(args[0]);
    config = loadProjectorConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    logError({ msg: 'invalid configuration', variable: error.variable, error: error.message });
    return 2;
  }

  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    // a second signal means "now": safe, as every batch commits atomically
    if (controller.signal.aborted) process.exit(130);
    log({ msg: 'stopping', signal });
    controller.abort();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);

  // The same stores the API opens (EVENT_STORE / READ_STORE select the adapters).
  // Started while the database is down, it waits for it (SIGTERM ends the wait).
  let stores: Awaited<ReturnType<typeof openStores>>;
  try {
    stores = await untilAvailable(() => openStores(config), {
      signal: controller.signal,
      onWait: (error, retryInMs) =>
        logError({
          msg: 'stores unavailable, retrying',
          error: error instanceof Error ? error.message : String(error),
          retryInMs,
        }),
    });
  } catch (error) {
    if (!controller.signal.aborted) throw error;
    log({ msg: 'stopped' }); // SIGTERM while waiting for the database: nothing was started
    return 0;
  }
  const { eventStore, readStore, close } = stores;
  let server: Server | undefined;
  const metrics = new PolkuMetrics('projector');
  try {
    const projector = new Projector({
      eventStore,
      readStore,
      batchSize: config.batchSize,
      commitEveryBatches: config.commitEveryBatches,
      maxCachedClients: config.maxCachedClients,
      streamsPerPage: config.streamsPerPage,
      ...(config.foldInWorker && { foldWorker: { eventStore: config.eventStore } }),
      idleBackoffMs: { min: Math.min(50, config.idlePollMaxMs), max: config.idlePollMaxMs },
      onBatch: ({ checkpoint, events, clients, rebuildingUpTo, foldedInWorker }) => {
        metrics.projectedEvents.inc(events);
        if (rebuildingUpTo === undefined) log({ msg: 'batch committed', checkpoint: checkpoint.toString(), events });
        else log({ msg: 'streams committed', upTo: rebuildingUpTo.toString(), events, clients, foldedInWorker });
      },
      onError: (error, retryInMs) =>
        logError({
          msg: 'projector error, retrying',
          error: error instanceof Error ? error.message : String(error),
          retryInMs,
        }),
    });
    if (mode === 'follow') {
      if (config.port !== 0) {
        server = await startHealthServer(projector, config.port, config.host, metrics);
        log({ msg: 'health listening', host: config.host, port: (server.address() as AddressInfo).port });
      }
      log({ msg: 'following', batchSize: config.batchSize });
      await projector.follow(controller.signal);
    } else {
      const result =
        mode === 'rebuild' ? await projector.rebuild(controller.signal) : await projector.catchUp(controller.signal);
      log({
        msg: controller.signal.aborted ? `${mode} interrupted` : `${mode} done`,
        from: result.from.toString(),
        to: result.to.toString(),
        events: result.events,
      });
    }
    log({ msg: 'stopped' });
    return 0;
  } finally {
    if (server) await closeServer(server);
    await close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    logError({
      msg: 'projector failed',
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
    process.exitCode = 1;
  },
);
