export * from '../../../../libs/auth/index.js';
export * from './decorators.js';
export * from './auth.guard.js';
export * from './auth.module.js';
export * from './session-cookie.js';
