/** What feature (command/query) modules import from the API infrastructure. */
export * from './tokens.js';
export * from './http.js';
export * from './auth/index.js';
export * from './problem/index.js';
export * from './request-context/index.js';
export { StoresModule } from './stores.module.js';
export { CoreModule } from './core.module.js';
export { setupOpenApi, BEARER_SCHEME } from './openapi/index.js';
