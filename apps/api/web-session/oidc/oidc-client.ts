import { Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { ApiConfig, OidcSettings } from '../../config.js';
import { API_CONFIG, CLOCK, type Clock } from '../../infrastructure/tokens.js';
import { discoverIssuer, type IssuerMetadata } from './oidc-discovery.js';
import { codeChallengeOf, type OidcFlow } from './oidc-flow-cookie.js';

/** Asymmetric only: the client secret must never double as an ID token key here. */
const ID_TOKEN_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
const CLOCK_TOLERANCE_SECONDS = 30;

export class OidcSignInError extends Error {
  override readonly name = 'OidcSignInError';
}

/**
 * The relying party's side of the authorization code flow with PKCE (OpenID Connect Core
 * 1.0, RFC 7636): the issuer is found by discovery (once, then remembered), its keys by
 * its JWKS (jose refetches on an unknown `kid`, so key rotation needs no restart).
 */
@Injectable()
export class OidcClient {
  private metadata: Promise<IssuerMetadata> | undefined;
  private keys: JWTVerifyGetKey | undefined;

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  get configured(): OidcSettings | undefined {
    return this.config.webSession.oidc;
  }

  private get settings(): OidcSettings {
    if (!this.config.webSession.oidc) throw new OidcSignInError('OpenID Connect is not configured (OIDC_*)');
    return this.config.webSession.oidc;
  }

  issuer(): Promise<IssuerMetadata> {
    this.metadata ??= discoverIssuer(this.settings.issuer).catch((error: unknown) => {
      this.metadata = undefined; // try again on the next sign-in
      throw error;
    });
    return this.metadata;
  }

  async authorizationUrl(flow: OidcFlow): Promise<string> {
    const { clientId, redirectUrl, scopes } = this.settings;
    const url = new URL((await this.issuer()).authorization_endpoint);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: clientId,
      redirect_uri: redirectUrl,
      scope: scopes.join(' '),
      state: flow.state,
      nonce: flow.nonce,
      code_challenge: codeChallengeOf(flow.codeVerifier),
      code_challenge_method: 'S256',
    }).toString();
    return url.toString();
  }

  /** Exchanges the code (with the PKCE verifier) and returns the verified ID token's claims and the token. */
  async signIn(code: string, flow: OidcFlow): Promise<{ claims: JWTPayload; idToken: string }> {
    const { clientId, clientSecret, redirectUrl, issuer } = this.settings;
    const metadata = await this.issuer();
    const response = await fetch(metadata.token_endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
        // client_secret_basic (RFC 6749 section 2.3.1): both parts form-encoded first
        authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64')}`,
      },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUrl,
        code_verifier: flow.codeVerifier,
      }),
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await response.json().catch(() => ({}))) as { id_token?: unknown; error?: unknown };
    if (!response.ok || typeof body.id_token !== 'string') {
      throw new OidcSignInError(`The token endpoint refused the code: ${String(body.error ?? response.status)}`);
    }
    this.keys ??= createRemoteJWKSet(new URL(metadata.jwks_uri));
    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(body.id_token, this.keys, {
        issuer,
        audience: clientId,
        algorithms: ID_TOKEN_ALGORITHMS,
        requiredClaims: ['exp', 'iat', 'sub', 'nonce'],
        currentDate: this.clock(),
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      }));
    } catch (error) {
      throw new OidcSignInError(`The ID token is not valid: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (claims.nonce !== flow.nonce) throw new OidcSignInError('The ID token answers another sign-in (nonce)');
    // OpenID Connect Core 3.1.3.7: with several audiences, the token must name us as its authorized party.
    if (Array.isArray(claims.aud) && claims.aud.length > 1 && claims.azp !== clientId) {
      throw new OidcSignInError('The ID token was issued to another party (azp)');
    }
    return { claims, idToken: body.id_token };
  }

  /** RP-initiated logout: where to send the browser after the local session ended, if the issuer has such an endpoint. */
  async endSessionUrl(postLogoutRedirect: string): Promise<string | undefined> {
    const endpoint = (await this.issuer()).end_session_endpoint;
    if (!endpoint) return undefined;
    const url = new URL(endpoint);
    url.searchParams.set('client_id', this.settings.clientId);
    url.searchParams.set('post_logout_redirect_uri', postLogoutRedirect);
    return url.toString();
  }
}
