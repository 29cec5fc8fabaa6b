export * from './plans.dto.js';
