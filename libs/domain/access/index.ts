export * from './relationship.js';
export * from './policy.js';
export * from './visibility.js';
export * from './registration.js';
