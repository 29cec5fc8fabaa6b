export * from './command-table.js';
