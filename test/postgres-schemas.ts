/**
 * jest globalSetup and globalTeardown: every Postgres test works in its own schema named `t_<hex>`,
 * and those schemas are dropped here, once, before and after the whole run — never by a test while
 * others run. Kysely's migrator introspects every schema of the database, and a schema dropped in the
 * middle of that introspection makes another test's migration fail with "schema … does not exist".
 */
import { Client } from 'pg';
import { testDatabaseUrl } from './helpers/services';

const TEST_SCHEMA = '^t_[0-9a-f]{12}$';

export default async function dropTestSchemas(): Promise<void> {
  const client = new Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>('select nspname as name from pg_namespace where nspname ~ $1', [TEST_SCHEMA]);
    for (const { name } of rows) await client.query(`drop schema if exists "${name}" cascade`);
  } finally {
    await client.end();
  }
}
