/** The parts of the issuer's discovery document (OpenID Connect Discovery 1.0) sign-in uses. */
export interface IssuerMetadata {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  end_session_endpoint?: string;
}

export class OidcDiscoveryError extends Error {
  override readonly name = 'OidcDiscoveryError';
}

/**
 * Fetches `<issuer>/.well-known/openid-configuration` and checks that it names the configured
 * issuer (a document for another issuer would let that issuer's tokens in).
 */
export async function discoverIssuer(issuer: string): Promise<IssuerMetadata> {
  const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  const response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new OidcDiscoveryError(`Discovery at ${url} answered ${response.status}`);
  const document = (await response.json()) as Partial<IssuerMetadata>;
  if (document.issuer !== issuer) {
    throw new OidcDiscoveryError(`Discovery at ${url} names issuer "${document.issuer}", expected "${issuer}"`);
  }
  for (const field of ['authorization_endpoint', 'token_endpoint', 'jwks_uri'] as const) {
    if (typeof document[field] !== 'string') throw new OidcDiscoveryError(`Discovery at ${url} has no ${field}`);
  }
  return document as IssuerMetadata;
}
