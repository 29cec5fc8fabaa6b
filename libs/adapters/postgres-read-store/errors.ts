/** The tables in this schema belong to another read-store schema version: rebuild instead of migrating. */
export class PostgresReadStoreSchemaMismatchError extends Error {
  override readonly name = 'ReadStoreSchemaMismatchError';
  constructor(
    readonly schema: string,
    readonly found: number,
    readonly expected: number,
  ) {
    super(
      `Read store schema version ${found} in "${schema}" is not ${expected}: ` +
        'drop the read-store tables (or use a new schema) and run the projector rebuild',
    );
  }
}
