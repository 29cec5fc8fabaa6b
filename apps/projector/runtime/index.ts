export * from './projector.js';
export { applyBatch, assertAscending } from './apply-batch.js';
export { startHealthServer, closeServer } from './health.js';
