export * from './organisations.controller.js';
export * from './list-organisations.query.js';
