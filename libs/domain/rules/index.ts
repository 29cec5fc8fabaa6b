export * from './activation-eligibility.js';
export * from './activity-days.js';
export * from './compensation.js';
export * from './deadlines.js';
