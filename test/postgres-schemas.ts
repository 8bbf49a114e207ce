/**
 * jest globalSetup and globalTeardown. Every Postgres test works in its own schema, named
 * `t_<run>_<random>` (test/helpers/services.ts); the run id is made here and inherited by the workers.
 * Schemas are dropped here, never by a test while others run: Kysely's migrator introspects every
 * schema of the database, and a schema dropped during that introspection makes another test's
 * migration fail with "schema … does not exist". Teardown drops this run's schemas; setup drops those
 * of runs that ended without a teardown more than a day ago (never those of a run going on now).
 */
import { Client } from 'pg';
import { testDatabaseUrl } from './helpers/services';

const DAY_MS = 24 * 60 * 60 * 1000;

async function dropSchemas(matching: (run: string) => boolean): Promise<void> {
  const client = new Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>("select nspname as name from pg_namespace where nspname ~ '^t_[a-z0-9]+_[0-9a-f]+$'");
    for (const { name } of rows) {
      if (matching(name.split('_')[1]!)) await client.query(`drop schema if exists "${name}" cascade`);
    }
  } finally {
    await client.end();
  }
}

export default async function postgresSchemas(): Promise<void> {
  const current = process.env.RG_TEST_RUN;
  if (current) {
    // Teardown (setup has set the run id): this run's schemas.
    await dropSchemas((run) => run === current);
    return;
  }
  // Setup: a run id that sorts and ages by time, then the leftovers of old runs.
  process.env.RG_TEST_RUN = `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36).padStart(2, '0')}`;
  await dropSchemas((run) => {
    const started = parseInt(run.slice(0, -2), 36);
    return Number.isFinite(started) && Date.now() - started > DAY_MS;
  });
}
