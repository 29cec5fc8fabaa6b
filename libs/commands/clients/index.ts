export * from './clients.dto.js';
