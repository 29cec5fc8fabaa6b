export * from './people.dto.js';
