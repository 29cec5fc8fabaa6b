import { testEnvironment } from '../../libs/config/index.js';
/**
 * Debian's Chromium, headless, as the browser tests and the screenshots run it
 * (`apt-get install chromium`; CI: scripts/ci/chromium.sh). Never a browser download.
 */
export const CHROMIUM = testEnvironment().chromiumPath;
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
