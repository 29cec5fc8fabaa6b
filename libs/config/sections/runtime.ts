import type { Environment } from '../environment.js';
import { text } from '../kinds.js';
import { rawValue, setting } from '../setting.js';

export const RUNTIME_SETTINGS = {
  nodeEnv: setting({
    name: 'NODE_ENV',
    section: 'runtime',
    kind: text,
    group: 'operator',
    description:
      '`production` refuses development shortcuts (the built-in JWT secret, demo sign-in, `KAFKA_INGEST_AUTH=headers`)',
  }),
} as const;

/** `NODE_ENV=production`: the only value that changes behaviour. */
export function isProduction(env: Environment): boolean {
  return rawValue(env, RUNTIME_SETTINGS.nodeEnv.name) === 'production';
}
