export * from './execute-client-command.js';
