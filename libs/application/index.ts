export * from './execute-client-command.js';
export * from './client-state-cache/index.js';
export * from './decision-snapshots/index.js';
export * from './client-state-loads.js';
