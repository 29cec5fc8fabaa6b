export * from './principal.js';
export * from './token-settings.js';
export * from './token-minter.js';
export * from './token-verifier.js';
export * from './verified-token-cache.js';
export * from './web-session-token-kind.js';
export * from './web-session-tokens.js';
