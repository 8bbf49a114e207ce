/**
 * Named mutual exclusion: in-process by default, across gateway instances through Redis when
 * REDIS_URL is set. Used so that one credential refresh (and one App2App poller) runs at a time.
 */
import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { Redis } from 'ioredis';
import { ErrorCode } from '../errors';

export interface LockManager {
  /** Runs `fn` while holding `name`; waits for the current holder first. */
  withLock<T>(name: string, fn: () => Promise<T>, options?: { ttlMs?: number; waitMs?: number }): Promise<T>;
  /** Takes `name` if it is free; `undefined` when someone holds it. The holder must call release. */
  tryAcquire(name: string, ttlMs: number): Promise<Lease | undefined>;
}

export interface Lease {
  /** Extends the lease; false when it was lost (expired and taken by another). */
  renew(ttlMs: number): Promise<boolean>;
  release(): Promise<void>;
}

/**
 * Waiting for a lock took too long (another instance holds it, busy or gone until its TTL runs out):
 * the caller may retry shortly, so clients see RATE_LIMITED with `retryAfterSeconds`, not an
 * internal error. The lock's name (it may hold a viewer id) stays out of the message.
 */
export class LockTimeoutError extends GraphQLError {
  constructor(readonly lockName: string) {
    super('The gateway is busy with the same work elsewhere; retry shortly', { extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds: 1 } });
    this.name = 'LockTimeoutError';
  }
}

export class InProcessLocks implements LockManager {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly held = new Set<string>();

  async withLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(name) ?? Promise.resolve();
    let done!: () => void;
    const mine = new Promise<void>((resolve) => (done = resolve));
    const tail = previous.then(() => mine);
    this.tails.set(name, tail);
    await previous;
    try {
      return await fn();
    } finally {
      done();
      // Forget the chain once nobody queued behind us, so the map does not grow with every name.
      if (this.tails.get(name) === tail) this.tails.delete(name);
    }
  }

  async tryAcquire(name: string): Promise<Lease | undefined> {
    if (this.held.has(name)) return undefined;
    this.held.add(name);
    return {
      renew: async () => this.held.has(name),
      release: async () => {
        this.held.delete(name);
      },
    };
  }
}

// Deletes or extends the key only if it still holds our token: a lease that expired and was taken by
// another instance must not be released or extended by us.
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;

export class RedisLocks implements LockManager {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'rewardgraph:lock:',
  ) {}

  async tryAcquire(name: string, ttlMs: number): Promise<Lease | undefined> {
    const key = this.prefix + name;
    const token = randomUUID();
    const ok = await this.redis.set(key, token, 'PX', ttlMs, 'NX');
    if (ok !== 'OK') return undefined;
    return {
      renew: async (ms: number) => (await this.redis.eval(RENEW, 1, key, token, String(ms))) === 1,
      release: async () => {
        await this.redis.eval(RELEASE, 1, key, token);
      },
    };
  }

  async withLock<T>(name: string, fn: () => Promise<T>, options: { ttlMs?: number; waitMs?: number } = {}): Promise<T> {
    const ttlMs = options.ttlMs ?? 30_000;
    const deadline = Date.now() + (options.waitMs ?? ttlMs);
    let delay = 20;
    for (;;) {
      const lease = await this.tryAcquire(name, ttlMs);
      if (lease) {
        try {
          return await fn();
        } finally {
          await lease.release();
        }
      }
      if (Date.now() > deadline) throw new LockTimeoutError(name);
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 250);
    }
  }
}
