import { randomBytes } from 'node:crypto';
/**
 * Where the tests' Postgres and Redis are: TEST_DATABASE_URL / TEST_REDIS_URL (.ci/run sets them), or
 * this machine's local servers when a developer runs jest directly.
 */
export function testDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
}

export function testRedisUrl(): string {
  return process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
}

/**
 * A fresh Postgres schema (or Redis key prefix) name for one test's store: `t_<run>_<random>`, where
 * the run id comes from jest's globalSetup (test/postgres-schemas.ts), so that a run drops only the
 * schemas it made and never those of another run going on at the same time.
 */
export function testSchemaName(): string {
  const run = process.env.RG_TEST_RUN ?? 'adhoc';
  return `t_${run}_${randomBytes(5).toString('hex')}`;
}
