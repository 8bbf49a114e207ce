/**
 * Short-lived string maps shared by every instance (over Redis when configured, in the process
 * otherwise): facts one request learns and another, on any instance, may need soon after, such as
 * which Klip cursor came before which (cards/klip-cursor-chain.ts). Entries expire on their own; a
 * missing entry is always an acceptable answer (the caller says what it cannot know), so Redis errors
 * are the caller's to see, not hidden as "missing".
 */
import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';

export interface SharedMap {
  get(key: string): Promise<string | undefined>;
  /** Keeps `value` under `key` for `ttlMs`. */
  set(key: string, value: string, ttlMs: number): Promise<void>;
}

/** In one process: bounded (least recently used out first), each entry with its own expiry. */
export class InProcessSharedMap implements SharedMap {
  private readonly entries: LRUCache<string, string>;

  constructor(maxEntries = 10_000) {
    this.entries = new LRUCache<string, string>({ max: maxEntries, ttl: 1, ttlAutopurge: false });
  }

  async get(key: string): Promise<string | undefined> {
    return this.entries.get(key);
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    if (ttlMs > 0) this.entries.set(key, value, { ttl: ttlMs });
  }
}

export class RedisSharedMap implements SharedMap {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async get(key: string): Promise<string | undefined> {
    return (await this.redis.get(this.prefix + key)) ?? undefined;
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    if (ttlMs > 0) await this.redis.set(this.prefix + key, value, 'PX', Math.ceil(ttlMs));
  }
}
