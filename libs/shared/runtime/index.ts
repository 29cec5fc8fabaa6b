export { SUPPORTED_NODE_MAJOR, unsupportedRuntimeMessage } from './supported-node.js';
