export * from './execute-client-command.js';
export * from './run-command.js';
export * from './command-route.js';
