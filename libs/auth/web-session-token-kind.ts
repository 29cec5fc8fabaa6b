/**
 * What marks a browser-session token (the API's own, in the HttpOnly cookie) apart from a
 * bearer token: its own issuer, audience and `typ`, so neither can pass for the other even
 * if the keys were mixed up.
 */
export const WEB_SESSION_TOKEN = {
  issuer: 'polku-web-session',
  audience: 'polku-web-session',
  type: 'polku-session+jwt',
} as const;
