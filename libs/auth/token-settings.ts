interface TokenAudience {
  issuer: string;
  audience: string;
}

/**
 * How tokens are checked: a shared HS256 secret (development, tests) or the identity
 * provider's published keys. The shape of each app's `auth` configuration.
 */
export type TokenSettings =
  | (TokenAudience & { mode: 'hs256'; secret: string })
  | (TokenAudience & { mode: 'jwks'; jwksUrl: string });
