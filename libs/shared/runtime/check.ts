/** Side-effect import for entry points: stop at once on an unsupported Node (see supported-node.ts). */
import { unsupportedRuntimeMessage } from './supported-node.js';

const message = unsupportedRuntimeMessage();
if (message) {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}
