/** The few parts of oidc-provider (which ships no types) the sign-in spec uses. */
declare module 'oidc-provider' {
  import type { Server } from 'node:http';

  export interface ProviderAccount {
    accountId: string;
    claims(): Promise<Record<string, unknown>>;
  }

  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    listen(port: number, host: string): Server;
  }
}
