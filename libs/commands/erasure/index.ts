export * from './erase-client-data.dto.js';
