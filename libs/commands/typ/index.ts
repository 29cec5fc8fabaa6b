export * from './typ.dto.js';
