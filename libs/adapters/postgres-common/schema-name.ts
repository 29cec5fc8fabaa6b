/** Unquoted PostgreSQL identifier rules (lower case keeps names predictable in psql). */
const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** Validates a schema name and returns it double-quoted for use in SQL text. */
export function quoteSchema(schema: string): string {
  if (!IDENTIFIER.test(schema)) {
    throw new RangeError(`Invalid PostgreSQL schema name "${schema}": use lower-case letters, digits and _ (max 63)`);
  }
  return `"${schema}"`;
}
