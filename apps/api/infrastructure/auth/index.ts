export * from './principal.js';
export * from './decorators.js';
export * from './token-minter.js';
export * from './token-verifier.js';
export * from './auth.guard.js';
export * from './auth.module.js';
export * from './session-cookie.js';
