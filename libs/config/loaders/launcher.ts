import { Problems } from '../config-error.js';
import { processEnvironment, type Environment } from '../environment.js';
import { BUS_SETTINGS, readBus, type BusConfig } from '../sections/bus.js';
import { readIngestConcurrency, readMetricsEndpoint } from '../sections/ingest.js';
import { LAUNCHER_SETTINGS } from '../sections/launcher.js';
import { readProjector, type ProjectorSettings } from '../sections/projector.js';
import { isProduction } from '../sections/runtime.js';
import { rawValue, readOr } from '../setting.js';
import { readApiConfig, type ApiConfig } from './api.js';

/**
 * `npm start` validates what its children will read (API, projector, bus) before it seeds
 * or spawns anything, so a bad setting stops it with one line instead of a dying child.
 */
export interface LauncherConfig {
  api: ApiConfig;
  projector: ProjectorSettings;
  bus: BusConfig;
  /** `POLKU_DEMO`: seed the demo clients into an empty store. */
  seedDemo: boolean;
  /** The environment the children start with (they validate it again). */
  environment: Environment;
}

export function loadLauncherConfig(env: Environment = processEnvironment()): LauncherConfig {
  const problems = new Problems();
  const api = readApiConfig(env, problems);
  const projector = readProjector(env, problems);
  const bus = readBus(env, isProduction(env), problems);
  // The processes started here listen side by side: a fixed port given twice would stop one of them.
  const ports: [string, number | undefined][] = [
    ['PORT', api?.port],
    ['READ_PORT', api && api.readProcesses > 0 ? api.readPort : undefined],
    ['PROJECTOR_PORT', projector.port],
  ];
  // the ingest runs (and reads these) only with BUS=kafka
  if (rawValue(env, BUS_SETTINGS.bus.name) === 'kafka') {
    readIngestConcurrency(env, problems);
    ports.push(['INGEST_METRICS_PORT', readMetricsEndpoint(env, problems).port]);
  }
  for (const [i, [name, port]] of ports.entries()) {
    const earlier = ports.slice(0, i).find(([, p]) => p !== undefined && p !== 0 && p === port);
    if (earlier) problems.add(name, `${name} must differ from ${earlier[0]} (both ${port})`);
  }
  const seedDemo = readOr(env, LAUNCHER_SETTINGS.demo, problems);
  problems.throwIfAny();
  return { api: api!, projector, bus: bus!, seedDemo, environment: env };
}
