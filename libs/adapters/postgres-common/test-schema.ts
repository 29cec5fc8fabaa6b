import { randomBytes } from 'node:crypto';
import { createPool } from './pool.js';
import { quoteSchema } from './schema-name.js';

/** A random, valid schema name for one test's store: `polku_t_<prefix>_<hex>`. */
export const aSchemaName = (prefix: string): string => `polku_t_${prefix}_${randomBytes(6).toString('hex')}`;

/**
 * Drops test schemas (with everything in them) over one small pool; for integration tests,
 * whose stores each live in a fresh schema so test files can run in parallel.
 */
export class SchemaJanitor {
  private readonly pool;
  private readonly created = new Set<string>();

  constructor(connectionString: string) {
    this.pool = createPool(connectionString, { max: 2, applicationName: 'polku-test-janitor' });
  }

  /** Remembers a schema name so dropAll() removes it even if a test forgot. */
  name(prefix: string): string {
    const schema = aSchemaName(prefix);
    this.created.add(schema);
    return schema;
  }

  async drop(schema: string): Promise<void> {
    await this.pool.query(`DROP SCHEMA IF EXISTS ${quoteSchema(schema)} CASCADE`);
    this.created.delete(schema);
  }

  async dropAll(): Promise<void> {
    for (const schema of [...this.created]) await this.drop(schema);
    await this.pool.end();
  }
}
