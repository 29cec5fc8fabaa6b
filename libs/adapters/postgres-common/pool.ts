import pg from 'pg';
import type { CustomTypesConfig, Pool, PoolClient } from 'pg';

const INT8_OID = 20;
const INT8_ARRAY_OID = 1016;

/**
 * int8 (bigint) columns come back as JS bigint, never as a lossy number or a string.
 * Per pool, not pg.types.setTypeParser: the global parsers stay untouched for other code.
 */
export const BIGINT_TYPES: CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (format !== 'binary' && oid === INT8_OID) return (value: string) => BigInt(value);
    if (format !== 'binary' && oid === INT8_ARRAY_OID) {
      // the default int8[] parser yields decimal strings (or null entries)
      const parseArray = (
        pg.types.getTypeParser as (oid: number, format: 'text') => (value: string) => (string | null)[] | null
      )(INT8_ARRAY_OID, 'text');
      return (value: string) => parseArray(value)?.map((entry) => (entry === null ? null : BigInt(entry))) ?? null;
    }
    return pg.types.getTypeParser(oid, format);
  }) as CustomTypesConfig['getTypeParser'],
};

export interface PoolOptions {
  /** Most connections this pool opens (default 10). */
  max?: number;
  applicationName?: string;
}

/** A pool whose int8 values are bigint. Idle-connection errors surface on the next query. */
export function createPool(connectionString: string, options: PoolOptions = {}): Pool {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    types: BIGINT_TYPES,
    application_name: options.applicationName ?? 'polku',
    connectionTimeoutMillis: 10_000,
  });
  // Without a listener a server restart would crash the process from an idle client.
  pool.on('error', () => undefined);
  return pool;
}

/**
 * Runs `work` in one transaction on one connection: COMMIT on success, ROLLBACK on any
 * throw (a connection that failed mid-way is discarded, not returned to the pool).
 */
export async function inTransaction<T>(
  pool: Pool,
  work: (client: PoolClient) => Promise<T>,
  begin = 'BEGIN',
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  // A checked-out client has no pool listener: a server restart mid-transaction would emit
  // an unhandled 'error' and end the process. The query in flight fails on its own; this
  // only keeps the error from being thrown, and the connection is discarded on release.
  const onError = (error: Error) => {
    broken ??= error;
  };
  client.on('error', onError);
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    try {
      await client.query('ROLLBACK');
    } catch (rollbackError) {
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    }
    throw error;
  } finally {
    client.removeListener('error', onError);
    client.release(broken);
  }
}
