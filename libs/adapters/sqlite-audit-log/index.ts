export * from './sqlite-audit-log.js';
