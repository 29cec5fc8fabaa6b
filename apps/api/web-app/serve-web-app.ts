import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { serveImmutableAssets, servePage } from '../infrastructure/http-platform/index.js';

/** Hashed bundle files: a new build has new names, so they may be cached for good. */
const ASSETS_PREFIX = '/assets/';

/** The page may run only its own scripts; styled-components needs inline styles. */
const PAGE_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  'Cache-Control': 'no-cache',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/**
 * Serves the built browser workspace (apps/web, built into `webDir`) next to the API: the
 * page at `/` and its bundle under `/assets/`. Nothing else: the app routes on the URL
 * fragment (`/#/clients/…`), so no page path can shadow an API path. Absent build: no-op.
 */
export function serveWebApp(app: INestApplication, webDir: string): boolean {
  const index = join(webDir, 'index.html');
  if (!existsSync(index)) return false;
  servePage(app, index, PAGE_HEADERS);
  serveImmutableAssets(app, join(webDir, 'assets'), ASSETS_PREFIX);
  return true;
}
