export * from './relationship.js';
export * from './policy.js';
export * from './visibility.js';
export * from './holders.js';
export * from './registration.js';
export * from './read-rules.js';
