export * from './state.js';
export * from './summaries.js';
export * from './path-view.js';
export * from './rows.js';
export * from './read-model.js';
export * from './viewer-filter.js';
export * from './timeline-page.js';
export * from './period-lengths.js';
