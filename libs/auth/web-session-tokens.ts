import type { PrincipalSpec, Principal } from './principal.js';
import { mintToken } from './token-minter.js';
import { TokenVerifier } from './token-verifier.js';
import { WEB_SESSION_TOKEN } from './web-session-token-kind.js';

/**
 * Signs and verifies the browser-session tokens with the web-session key (`WEB_SESSION_SECRET`),
 * whatever `AUTH_MODE` checks bearer tokens with. A session token is verified only here, and
 * only a session token is accepted here.
 */
export class WebSessionTokens {
  private readonly verifier: TokenVerifier;

  constructor(
    private readonly secret: string,
    clock: () => Date,
  ) {
    const { issuer, audience, type } = WEB_SESSION_TOKEN;
    this.verifier = new TokenVerifier({ auth: { mode: 'hs256', secret, issuer, audience } }, clock, type);
  }

  mint(spec: PrincipalSpec, ttl: string, now: Date, claims: Record<string, string> = {}): Promise<string> {
    const { issuer, audience, type } = WEB_SESSION_TOKEN;
    return mintToken({ ...spec, ttl }, this.secret, issuer, audience, { now, claims, typ: type });
  }

  verify(token: string): Promise<Principal> {
    return this.verifier.verify(token);
  }
}
