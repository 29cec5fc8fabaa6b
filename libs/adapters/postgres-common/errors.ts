/** What a node-postgres error tells: the SQLSTATE and, for constraint violations, the constraint. */
export interface PgErrorFacts {
  code: string;
  constraint?: string;
}

/** Duck-typed: driver errors carry a five-character SQLSTATE in `code`. */
export function pgErrorFacts(error: unknown): PgErrorFacts | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return undefined;
  return { code, constraint: typeof constraint === 'string' ? constraint : undefined };
}

export const UNIQUE_VIOLATION = '23505';

/**
 * Worth retrying: serialization failure, deadlock, lock or statement timeout, too many
 * connections, server shutting down or restarting, and lost connections (also a query sent
 * on a connection that has just broken).
 */
export function isTransient(error: unknown): boolean {
  const facts = pgErrorFacts(error);
  if (facts) {
    return (
      ['40001', '40P01', '55P03', '57014', '53300', '57P01', '57P02', '57P03'].includes(facts.code) ||
      facts.code.startsWith('08')
    );
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND'].includes(code))
    return true;
  return (
    error instanceof Error &&
    /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect/i.test(
      error.message,
    )
  );
}

/** The pool was ended (the store was closed). */
export const isClosedPool = (error: unknown): boolean =>
  error instanceof Error && /Cannot use a pool after calling end on the pool/.test(error.message);
