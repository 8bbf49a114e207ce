/** Named locks over Redis: a wait that outlasts its limit is RATE_LIMITED for the client, never an internal error. */
import { Redis } from 'ioredis';
import { RedisLocks } from '../../src/pubsub/locks';
import { testRedisUrl, testSchemaName } from '../helpers/services';

let redis: Redis;
beforeAll(() => {
  redis = new Redis(testRedisUrl());
});
afterAll(() => redis.quit());

it('answers RATE_LIMITED with retryAfterSeconds when another holder keeps the lock past the wait', async () => {
  const prefix = `${testSchemaName()}:lock:`;
  const mine = new RedisLocks(redis, prefix);
  const theirs = new RedisLocks(redis, prefix);
  const held = await theirs.tryAcquire('credential:kigo-user:alice', 5_000);
  expect(held).toBeDefined();
  const started = Date.now();
  const err = await mine.withLock('credential:kigo-user:alice', async () => 'never', { ttlMs: 5_000, waitMs: 200 }).catch((e: unknown) => e);
  expect(Date.now() - started).toBeLessThan(2_000);
  expect(err).toMatchObject({ extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 1 } });
  // The lock's name holds a viewer id: it is not in what a client sees.
  expect((err as Error).message).not.toContain('alice');
  await held!.release();
});
