export * from './event-row.js';
