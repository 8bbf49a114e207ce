/**
 * Concurrency quotas ("at most N at once per owner"): a viewer's open websockets, the distinct App2App
 * request keys a viewer watches. Rate limiters (rate-limiter-flexible) count events per window; these
 * count what is held right now, so a slot is taken, kept alive and given back.
 *
 * A slot is (owner, item, holder): `item` is what the quota counts (a request key), `holder` who holds
 * it (one subscription stream), so several holders of one item count once (200 subscribers of one key
 * are one watched key) and the item is free again only when its last holder lets go. In Redis (shared
 * by every instance) each holder is a member of a sorted set scored by its expiry; holders renew while
 * they live, so the slots of an instance that died free themselves after `ttlMs`.
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

export interface Slot {
  /** Gives the slot back (safe to call twice). */
  release(): Promise<void>;
}

export interface SlotLimiter {
  /** Takes a slot for `item` under `owner`, or undefined when `limit` distinct items are held already. */
  acquire(owner: string, item: string, limit: number): Promise<Slot | undefined>;
}

export class InProcessSlots implements SlotLimiter {
  /** owner → item → holders. */
  private readonly held = new Map<string, Map<string, number>>();

  async acquire(owner: string, item: string, limit: number): Promise<Slot | undefined> {
    let items = this.held.get(owner);
    if (!items) this.held.set(owner, (items = new Map()));
    const holders = items.get(item) ?? 0;
    if (holders === 0 && items.size >= limit) {
      if (items.size === 0) this.held.delete(owner);
      return undefined;
    }
    items.set(item, holders + 1);
    let released = false;
    return {
      release: async () => {
        if (released) return;
        released = true;
        const left = (items.get(item) ?? 1) - 1;
        if (left > 0) items.set(item, left);
        else items.delete(item);
        if (items.size === 0 && this.held.get(owner) === items) this.held.delete(owner);
      },
    };
  }
}

// KEYS[1] = the owner's set; ARGV = now, expiry, holder member (`item|holderId`), item, limit.
// Drops expired holders, then admits the holder if its item is held already or fewer than `limit`
// distinct items are. Members are `item|holderId`; the item is what precedes the last `|`.
const ACQUIRE = `
redis.call('zremrangebyscore', KEYS[1], '-inf', ARGV[1])
local members = redis.call('zrange', KEYS[1], 0, -1)
local items = {}
local distinct = 0
for _, member in ipairs(members) do
  local item = string.match(member, '^(.*)|[^|]*$')
  if item and not items[item] then items[item] = true; distinct = distinct + 1 end
end
if not items[ARGV[4]] and distinct >= tonumber(ARGV[5]) then return 0 end
redis.call('zadd', KEYS[1], ARGV[2], ARGV[3])
redis.call('pexpire', KEYS[1], math.max(1, tonumber(ARGV[2]) - tonumber(ARGV[1])))
return 1`;
const RENEW = `if redis.call('zscore', KEYS[1], ARGV[2]) then redis.call('zadd', KEYS[1], ARGV[1], ARGV[2]); redis.call('pexpire', KEYS[1], ARGV[3]); return 1 end return 0`;

export class RedisSlots implements SlotLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    /** How long a holder lives without renewal (an instance that died frees its slots after this). */
    private readonly ttlMs = 30_000,
  ) {}

  async acquire(owner: string, item: string, limit: number): Promise<Slot | undefined> {
    const key = this.prefix + owner;
    const member = `${item}|${randomUUID()}`;
    const now = Date.now();
    const ok = await this.redis.eval(ACQUIRE, 1, key, String(now), String(now + this.ttlMs), member, item, String(limit));
    if (ok !== 1) return undefined;
    const renew = setInterval(() => {
      this.redis.eval(RENEW, 1, key, String(Date.now() + this.ttlMs), member, String(this.ttlMs)).catch(() => {
        // Redis away: the holder expires on its own; the next renewal tries again.
      });
    }, this.ttlMs / 3);
    renew.unref();
    let released = false;
    return {
      release: async () => {
        if (released) return;
        released = true;
        clearInterval(renew);
        await this.redis.zrem(key, member).catch(() => {});
      },
    };
  }
}
