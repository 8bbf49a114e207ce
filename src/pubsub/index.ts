/**
 * Coordination between requests and between gateway instances: the subscription pubsub, named locks,
 * rate limiters, concurrency slots and short-lived shared maps. In-process by default; over Redis when
 * REDIS_URL is set, so that any number of instances behind a load balancer share them.
 */
import { createPubSub } from '@graphql-yoga/subscription';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { InProcessLocks, RedisLocks, type LockManager } from './locks';
import { InProcessSharedMap, RedisSharedMap, type SharedMap } from './shared-map';
import { InProcessSlots, RedisSlots, type SlotLimiter } from './slots';

// Topics carry one payload each; their names and payload types are owned by the domains that publish.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- topics are registered by domain modules
export type AppPubSub = ReturnType<typeof createPubSub<Record<string, [any]>>>;

export interface RateLimiterOptions {
  /** Distinguishes this limiter's counters from others in a shared Redis. */
  keyPrefix: string;
  points: number;
  durationSeconds: number;
}

export interface Coordination {
  pubsub: AppPubSub;
  locks: LockManager;
  /**
   * rate-limiter-flexible limiter, in memory or in Redis. The same keyPrefix answers the same limiter,
   * so callers may ask for it per request without resetting the counts.
   */
  rateLimiter(options: RateLimiterOptions): RateLimiterAbstract;
  /** Concurrency quotas: at most N distinct items held at once per owner (slots.ts). */
  slots: SlotLimiter;
  /** Short-lived facts shared by every instance, each with its own expiry (shared-map.ts). */
  maps: SharedMap;
  /** Throws when Redis is configured and unreachable (for /readyz). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export async function createCoordination(redisUrl: string | undefined, namespace = 'rewardgraph'): Promise<Coordination> {
  if (!redisUrl) {
    return {
      pubsub: createPubSub(),
      locks: new InProcessLocks(),
      rateLimiter: memoized((o) => new RateLimiterMemory({ keyPrefix: o.keyPrefix, points: o.points, duration: o.durationSeconds })),
      slots: new InProcessSlots(),
      maps: new InProcessSharedMap(),
      ping: async () => {},
      close: async () => {},
    };
  }
  // Named, so that an operator (and a test) can tell this deployment's connections in CLIENT LIST.
  const options = (role: string) => ({ lazyConnect: true, maxRetriesPerRequest: 2, enableOfflineQueue: true, connectionName: `${namespace}:${role}` });
  const command = new Redis(redisUrl, options('command'));
  const publishClient = new Redis(redisUrl, options('publish'));
  const subscribeClient = new Redis(redisUrl, options('subscribe'));
  try {
    await Promise.all([command.connect(), publishClient.connect(), subscribeClient.connect()]);
  } catch (err) {
    command.disconnect();
    publishClient.disconnect();
    subscribeClient.disconnect();
    throw err;
  }
  return {
    pubsub: namespaced(createPubSub({ eventTarget: createRedisEventTarget({ publishClient, subscribeClient }) }), `${namespace}:`),
    locks: new RedisLocks(command, `${namespace}:lock:`),
    rateLimiter: memoized(
      (o) => new RateLimiterRedis({ storeClient: command, keyPrefix: `${namespace}:rl:${o.keyPrefix}`, points: o.points, duration: o.durationSeconds }),
    ),
    slots: new RedisSlots(command, `${namespace}:slots:`),
    maps: new RedisSharedMap(command, `${namespace}:map:`),
    ping: async () => {
      await command.ping();
    },
    close: async () => {
      await Promise.allSettled([command.quit(), publishClient.quit(), subscribeClient.quit()]);
    },
  };
}

/**
 * Redis channels are global to the server: prefixing topics with the namespace keeps two deployments
 * (or two test runs) on one Redis from hearing each other's events.
 */
function namespaced(pubsub: AppPubSub, prefix: string): AppPubSub {
  return {
    publish: (topic: string, ...args: [unknown]) => pubsub.publish(prefix + topic, ...args),
    subscribe: (topic: string, ...args: []) => pubsub.subscribe(prefix + topic, ...args),
  } as AppPubSub;
}

/** One limiter per keyPrefix (a second definition under the same prefix with other limits is a bug). */
function memoized(create: (o: RateLimiterOptions) => RateLimiterAbstract): (o: RateLimiterOptions) => RateLimiterAbstract {
  const limiters = new Map<string, RateLimiterAbstract>();
  return (o) => {
    let limiter = limiters.get(o.keyPrefix);
    if (!limiter) {
      limiter = create(o);
      limiters.set(o.keyPrefix, limiter);
    }
    return limiter;
  };
}

export type { LockManager, Lease } from './locks';
export type { Slot, SlotLimiter } from './slots';
export type { SharedMap } from './shared-map';
