export * from './decision-snapshots.js';
