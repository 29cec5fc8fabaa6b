export * from './client-search.controller.js';
export * from './search-clients.query.js';
