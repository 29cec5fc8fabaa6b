import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

/** Express's default weak ETag (the `etag` package): length and SHA-1 of the body. */
function weakEtag(body: string | Buffer): string {
  const length = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
  const hash = createHash('sha1').update(body).digest('base64').substring(0, 27);
  return `W/"${length.toString(16)}-${hash}"`;
}

const opaque = (tag: string) => tag.trim().replace(/^W\//, '');

/** Express's `req.fresh` for the ETag case: a GET/HEAD 2xx whose tag the client already has. */
function isFresh(ifNoneMatch: string | undefined, cacheControl: string | undefined, etag: string): boolean {
  if (!ifNoneMatch || (cacheControl && /(?:^|,)\s*no-cache\s*(?:,|$)/.test(cacheControl))) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => opaque(tag) === opaque(etag));
}

/**
 * Express gives every sent body a weak ETag and answers a matching conditional GET with 304;
 * Fastify does neither, so the same here (clients and caches see the same answers).
 */
export function addExpressEtags(fastify: FastifyInstance): void {
  fastify.addHook('onSend', (request, reply, payload, done) => {
    if ((typeof payload !== 'string' && !Buffer.isBuffer(payload)) || reply.hasHeader('etag'))
      return done(null, payload);
    const etag = weakEtag(payload);
    reply.header('etag', etag);
    const status = reply.statusCode;
    const conditional = request.method === 'GET' || request.method === 'HEAD';
    const header = (name: string) => {
      const value = request.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    if (
      conditional &&
      ((status >= 200 && status < 300) || status === 304) &&
      isFresh(header('if-none-match'), header('cache-control'), etag)
    ) {
      reply.code(304);
      reply.removeHeader('content-type');
      reply.removeHeader('content-length');
      return done(null, '');
    }
    done(null, payload);
  });
}
