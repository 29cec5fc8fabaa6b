import { oneOrZero, text } from '../kinds.js';
import { setting } from '../setting.js';

export const LAUNCHER_SETTINGS = {
  demo: setting({
    name: 'POLKU_DEMO',
    section: 'launcher (npm start)',
    kind: oneOrZero,
    default: true,
    defaultText: '`1`',
    group: 'operator',
    description: '`0` skips seeding the demo clients on `npm start`',
  }),
} as const;

/** Read by the build's browser tooling (web API document, screenshots) and the browser tests. */
export const TOOLING_SETTINGS = {
  chromiumPath: setting({
    name: 'CHROMIUM_PATH',
    section: 'tooling',
    kind: text,
    default: '/usr/bin/chromium',
    group: 'operator',
    description: 'the Chromium the browser tests and screenshots drive',
  }),
} as const;
