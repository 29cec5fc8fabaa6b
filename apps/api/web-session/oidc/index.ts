export { OidcController } from './oidc.controller.js';
export { OidcClient } from './oidc-client.js';
