/**
 * Pubsub, locks and rate limits, in-process and over Redis (TEST_REDIS_URL); and credentials renewed
 * once however many callers (and instances) need them at the same moment.
 */
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import { CredentialCache } from '../../src/credentials/credential-cache';
import { createCoordination, type Coordination } from '../../src/pubsub';
import { testDatabaseUrl, testRedisUrl, testSchemaName } from '../helpers/services';
import { openStore, type Store } from '../../src/store';

const redisUrl = testRedisUrl();
const postgresUrl = testDatabaseUrl();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each([
  ['in-process', () => undefined],
  ['redis', () => redisUrl],
])('coordination %s', (kind, url) => {
  const namespace = testSchemaName();
  let a: Coordination;
  let b: Coordination;
  beforeAll(async () => {
    a = await createCoordination(url(), namespace);
    // A second instance: with Redis it shares everything with the first; in-process it is the same object.
    b = kind === 'redis' ? await createCoordination(url(), namespace) : a;
  });
  afterAll(async () => {
    await a.close();
    if (b !== a) await b.close();
  });

  it('answers ping', async () => {
    await expect(a.ping()).resolves.toBeUndefined();
  });

  it('never runs two holders of one lock at once', async () => {
    let inside = 0;
    let maxInside = 0;
    const holder = (c: Coordination) =>
      c.locks.withLock('lock-1', async () => {
        inside += 1;
        maxInside = Math.max(maxInside, inside);
        await sleep(20);
        inside -= 1;
      });
    await Promise.all([holder(a), holder(b), holder(a), holder(b), holder(a)]);
    expect(maxInside).toBe(1);
  });

  it('gives a lease to one taker until it is released', async () => {
    const first = await a.locks.tryAcquire('lease-1', 5_000);
    expect(first).toBeDefined();
    await expect(b.locks.tryAcquire('lease-1', 5_000)).resolves.toBeUndefined();
    await expect(first!.renew(5_000)).resolves.toBe(true);
    await first!.release();
    const second = await b.locks.tryAcquire('lease-1', 5_000);
    expect(second).toBeDefined();
    await second!.release();
  });

  it('delivers a published event to subscribers (of the other instance too)', async () => {
    const iterator = b.pubsub.subscribe('topic-1')[Symbol.asyncIterator]();
    const next = iterator.next();
    await sleep(kind === 'redis' ? 100 : 0); // the Redis SUBSCRIBE must be in place before we publish
    a.pubsub.publish('topic-1', { hello: 'world' });
    await expect(next).resolves.toEqual({ done: false, value: { hello: 'world' } });
    await iterator.return?.();
  });

  it('limits by key and shares the count between instances', async () => {
    const options = { keyPrefix: 'claims', points: 3, durationSeconds: 60 };
    const la = a.rateLimiter(options);
    const lb = b.rateLimiter(options);
    await la.consume('alice');
    await lb.consume('alice');
    await la.consume('alice');
    await expect(lb.consume('alice')).rejects.toMatchObject({ remainingPoints: 0 });
    await expect(la.consume('bob')).resolves.toMatchObject({ remainingPoints: 2 });
  });
});

describe('CredentialCache', () => {
  let store: Store;
  let coordination: Coordination;
  beforeAll(async () => {
    store = await openStore({ dataDir: os.tmpdir(), databaseUrl: postgresUrl, postgresSchema: testSchemaName(), encryptionKey: randomBytes(32).toString('base64') });
    coordination = await createCoordination(undefined);
  });
  afterAll(() => store.close());

  function counter() {
    let calls = 0;
    const obtain = async (current?: { value: string }) => {
      calls += 1;
      await sleep(30);
      return { value: `token-${calls}${current ? '-renewed' : ''}`, expiresAt: Date.now() + 3_600_000 };
    };
    return { obtain, calls: () => calls };
  }

  it('obtains once for many concurrent callers, and stores it encrypted', async () => {
    const cache = new CredentialCache<string>({ provider: 'test', store: store.credentials, locks: coordination.locks, renewAheadMs: 60_000 });
    const { obtain, calls } = counter();
    const values = await Promise.all(Array.from({ length: 25 }, () => cache.get('k1', obtain)));
    expect(calls()).toBe(1);
    expect(new Set(values)).toEqual(new Set(['token-1']));
    await expect(store.credentials.get('test', 'k1')).resolves.toMatchObject({ value: 'token-1' });
  });

  it('reuses a stored credential after a restart instead of obtaining a new one', async () => {
    const first = new CredentialCache<string>({ provider: 'test', store: store.credentials, locks: coordination.locks, renewAheadMs: 60_000 });
    await first.get('k2', counter().obtain);
    const restarted = new CredentialCache<string>({ provider: 'test', store: store.credentials, locks: coordination.locks, renewAheadMs: 60_000 });
    const { obtain, calls } = counter();
    await expect(restarted.get('k2', obtain)).resolves.toBe('token-1');
    expect(calls()).toBe(0);
  });

  it('renews ahead of expiry, handing the stored credential to obtain', async () => {
    let now = Date.now();
    const cache = new CredentialCache<string>({ provider: 'test', store: store.credentials, locks: coordination.locks, renewAheadMs: 60_000, now: () => now });
    const { obtain, calls } = counter();
    await cache.get('k3', obtain);
    now += 3_600_000 - 59_000; // inside the renew-ahead window
    await expect(cache.get('k3', obtain)).resolves.toBe('token-2-renewed');
    expect(calls()).toBe(2);
  });

  it('on an auth failure renews once and retries once, never looping', async () => {
    const cache = new CredentialCache<string>({ provider: 'test', store: store.credentials, locks: coordination.locks, renewAheadMs: 60_000 });
    const { obtain, calls } = counter();
    const seen: string[] = [];
    const authFailure = new Error('401');
    await expect(
      cache.use('k4', obtain, async (credential) => {
        seen.push(credential);
        throw authFailure;
      }, (err) => err === authFailure),
    ).rejects.toBe(authFailure);
    expect(seen).toEqual(['token-1', 'token-2-renewed']);
    expect(calls()).toBe(2);
  });

  it('shares one renewal between two instances through the lock and the store', async () => {
    const redisA = await createCoordination(redisUrl, testSchemaName());
    try {
      const one = new CredentialCache<string>({ provider: 'test', store: store.credentials, locks: redisA.locks, renewAheadMs: 60_000 });
      const two = new CredentialCache<string>({ provider: 'test', store: store.credentials, locks: redisA.locks, renewAheadMs: 60_000 });
      const { obtain, calls } = counter();
      await Promise.all([...Array.from({ length: 5 }, () => one.get('k5', obtain)), ...Array.from({ length: 5 }, () => two.get('k5', obtain))]);
      expect(calls()).toBe(1);
    } finally {
      await redisA.close();
    }
  });
});
