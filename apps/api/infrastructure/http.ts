import type { Principal } from '../../../libs/auth/principal.js';

/**
 * The parts of Express's request/response we use. @types/express is not installed, and
 * naming only what we touch keeps the infrastructure honest about its dependencies.
 */
export interface PolkuRequest {
  method: string;
  url: string;
  originalUrl?: string;
  headers: Record<string, string | string[] | undefined>;
  /** Set by the auth guard on every non-public route. */
  principal?: Principal;
  /** Set by the correlation-id middleware on every request. */
  correlationId?: string;
  /** Express: whether the request came over https (behind a proxy: with trust proxy set). */
  secure?: boolean;
}

export interface PolkuResponse {
  headersSent: boolean;
  setHeader(name: string, value: string | string[]): void;
  status(code: number): unknown;
}

export function headerValue(req: PolkuRequest, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** The path without the query string: queries may carry personal data, problems get logged. */
export function requestPath(req: PolkuRequest): string {
  return (req.originalUrl ?? req.url).split('?')[0];
}
