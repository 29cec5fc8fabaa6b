import { resolve } from 'node:path';
import type { Environment } from '../environment.js';
import type { Problems } from '../config-error.js';
import { filePath } from '../kinds.js';
import { read, setting } from '../setting.js';

export const AUDIT_LOG_SETTINGS = {
  path: setting({
    name: 'AUDIT_LOG_PATH',
    section: 'audit log',
    kind: filePath,
    defaultText: '`$DATA_DIR/audit.sqlite`',
    group: 'operator',
    description: 'usage and disclosure logs (append-only), shared by the API and the ingest',
  }),
} as const;

/** Absolute path of the usage and disclosure logs. */
export function readAuditLogPath(env: Environment, dataDir: string, problems: Problems): string {
  return read(env, AUDIT_LOG_SETTINGS.path, problems) ?? resolve(dataDir, 'audit.sqlite');
}
