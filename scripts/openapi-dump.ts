/**
 * `node dist/scripts/openapi-dump.js <out.json>`: writes the API's OpenAPI document without
 * listening (the app is built on throwaway SQLite files), for the web client's generated types.
 */
import '../libs/shared/runtime/check.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../apps/api/app.module.js';
import { loadApiConfig } from '../apps/api/config.js';
import { openApiDocument } from '../apps/api/infrastructure/index.js';

const out = process.argv[2];
if (!out) {
  console.error('usage: openapi-dump <out.json>');
  process.exit(2);
}
const dataDir = mkdtempSync(join(tmpdir(), 'polku-openapi-'));
try {
  const config = loadApiConfig({ NODE_ENV: 'development', DATA_DIR: dataDir, EVENT_STORE: 'sqlite', READ_STORE: 'sqlite' });
  const app = await createApp(config, { logger: false, accessLogLevel: 'silent' });
  try {
    writeFileSync(out, `${JSON.stringify(openApiDocument(app), null, 2)}\n`);
  } finally {
    await app.close();
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
