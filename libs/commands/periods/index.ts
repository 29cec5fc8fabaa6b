export * from './periods.dto.js';
