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
