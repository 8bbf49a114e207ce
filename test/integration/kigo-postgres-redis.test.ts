import { randomBytes } from 'node:crypto';
import { testSchemaName } from '../helpers/services';
import os from 'node:os';
import { startTestSandbox } from '../helpers/test-sandbox';
import { UpstreamHttp } from '../../src/datasources/http';
import { KigoAuthClient } from '../../src/datasources/kigo/kigo-auth';
import { KigoClient } from '../../src/datasources/kigo/kigo-client';
import { createScope } from '../../src/scope';
import { KigoSessions } from '../../src/datasources/kigo/kigo-sessions';
import { Provider } from '../../src/errors';
import { Metrics } from '../../src/observability/metrics';
import { createCoordination, type Coordination } from '../../src/pubsub';
import { openStore, type Store } from '../../src/store';
import { startStack, type Stack } from '../helpers/stack';
import { freshUser, kigoCalls, userWithTokens } from '../helpers/kigo';
import { ClaimTokenDocument, ShareTokenDocument, WalletTokensDocument, type ShareTokenMutation } from '../generated/graphql';

/* The Kigo paths whose correctness rests on the store and coordination, on Postgres and Redis. */

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ postgres: true, redis: true, env: { CLAIM_FAILURES_PER_WINDOW: '3' } });
});
afterAll(() => stack.stop());

it('opens one user session for 20 concurrent first requests (Redis lock, Postgres credential store)', async () => {
  const viewer = freshUser('pg-newcomer');
  stack.sandbox.stats.clear();
  const results = await Promise.all(Array.from({ length: 20 }, () => stack.gql(WalletTokensDocument, {}, { sub: viewer })));
  for (const res of results) expect(res.errors).toBeUndefined();
  expect(kigoCalls(stack, 'POST /auth/user')).toBe(1);
  expect(kigoCalls(stack, 'POST /auth/partner')).toBeLessThanOrEqual(1);
});

it('shares once for concurrent repeats of one clientMutationId (Postgres idempotency)', async () => {
  const { user, tokenIds } = await userWithTokens(stack, 'pg-sharer', 1);
  stack.sandbox.stats.clear();
  const results = await Promise.all(
    Array.from({ length: 6 }, () => stack.gql<ShareTokenMutation>(ShareTokenDocument, { input: { tokenId: tokenIds[0], clientMutationId: 'pg-1' } }, { sub: user })),
  );
  const codes = new Set(results.map((r) => r.data!.shareToken.claimCode));
  expect(codes.size).toBe(1);
  expect([...codes][0]).toMatch(/^\w{16}$/);
  expect(kigoCalls(stack, 'POST /wallet/tokens/:tokenId/share')).toBe(1);
});

it('lets no more than the allowed failed claims of a burst reach Kigo (Redis limiter)', async () => {
  const viewer = freshUser('pg-burst');
  stack.sandbox.stats.clear();
  const results = await Promise.all(Array.from({ length: 8 }, (_, i) => stack.gql(ClaimTokenDocument, { input: { claimCode: `PGBURST${i}AAAAAAAA` } }, { sub: viewer })));
  expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'RATE_LIMITED')).toHaveLength(5);
  expect(kigoCalls(stack, 'POST /claims/:claimCode')).toBe(3);
});

interface Instance {
  store: Store;
  coordination: Coordination;
  http: UpstreamHttp;
  client: KigoClient;
  sessions: KigoSessions;
}

it('opens one user session when two gateway instances, sharing Postgres and Redis, need it at once', async () => {
  const sandbox = await startTestSandbox();
  const schema = testSchemaName();
  const encryptionKey = randomBytes(32).toString('base64');
  const instances: Instance[] = [];
  try {
    // One after the other: two `create schema if not exists` at once can collide in Postgres.
    for (let n = 0; n < 2; n++) {
      const store = await openStore({ dataDir: os.tmpdir(), databaseUrl: stack.env.DATABASE_URL, postgresSchema: schema, encryptionKey });
      const coordination = await createCoordination(stack.env.REDIS_URL, `kigo-${schema}`).catch(async (err: unknown) => {
        await store.close();
        throw err;
      });
      const http = new UpstreamHttp({ provider: Provider.KIGO, baseUrl: sandbox.baseUrls.kigo, timeoutMs: 3_000, retries: 0, breaker: { failures: 100, halfOpenMs: 1_000 }, metrics: new Metrics() });
      const sessions = new KigoSessions({ client: new KigoAuthClient(http, sandbox.credentials.kigo), store: store.credentials, locks: coordination.locks });
      instances.push({ store, coordination, http, client: new KigoClient(http, sessions), sessions });
    }
    const pages = await Promise.all(
      Array.from({ length: 20 }, (_, i) => {
        const { client } = instances[i % 2]!;
        return client.listTokens(createScope({ viewer: null }), 'alice', { offset: 0, limit: 1 });
      }),
    );
    expect(pages.map((p) => p.total)).toEqual(Array.from({ length: 20 }, () => 26));
    expect(sandbox.stats.toJSON().requests).toMatchObject({ 'POST /kigo/api/v1/auth/partner': 1, 'POST /kigo/api/v1/auth/user': 1 });
    expect(sandbox.stats.count('POST /kigo/api/v1/auth/user/refresh')).toBe(0);
  } finally {
    for (const i of instances) {
      await i.http.close();
      await i.coordination.close();
      await i.store.close();
    }
    await sandbox.close();
  }
});
