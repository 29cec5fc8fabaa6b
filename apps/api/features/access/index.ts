export * from './read-context.js';
export * from './client-access.service.js';
