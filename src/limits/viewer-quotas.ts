/**
 * Per-viewer quotas: how much one signed-in viewer may use the gateway, shared by every instance when
 * Redis is configured (rate-limiter-flexible for rates, slots.ts for things held at once). Each is a
 * config variable; 0 turns it off.
 * - operations per second, bursts of twice that (BurstyRateLimiter: the rate per second, plus the same
 *   again from a burst allowance that refills over two seconds) — a whole request over it is HTTP 429
 *   with Retry-After;
 * - App2App prepares per minute, distinct App2App request keys watched at once (many subscribers of
 *   one key count once), websockets per viewer — RATE_LIMITED with `retryAfterSeconds` on the field or
 *   subscription that would go over.
 */
import { GraphQLError } from 'graphql';
import { BurstyRateLimiter, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { QuotaConfig } from '../config';
import { ErrorCode, rateLimited } from '../errors';
import type { Coordination, Slot } from '../pubsub';

/** How soon a viewer over a held-at-once quota may try again: when one of its holds may have ended. */
const HELD_RETRY_SECONDS = 5;

export class ViewerQuotas {
  private readonly operations?: BurstyRateLimiter;
  private readonly prepares?: RateLimiterAbstract;

  constructor(
    private readonly coordination: Coordination,
    private readonly quotas: QuotaConfig,
  ) {
    const perSecond = quotas.operationsPerSecond;
    if (perSecond > 0) {
      this.operations = new BurstyRateLimiter(
        coordination.rateLimiter({ keyPrefix: 'viewer-operations', points: perSecond, durationSeconds: 1 }),
        coordination.rateLimiter({ keyPrefix: 'viewer-operations-burst', points: perSecond, durationSeconds: 2 }),
      );
    }
    if (quotas.app2appPreparesPerMinute > 0) {
      this.prepares = coordination.rateLimiter({ keyPrefix: 'app2app-prepares', points: quotas.app2appPreparesPerMinute, durationSeconds: 60 });
    }
  }

  /** One operation of `viewerId`; over the rate, an HTTP 429 with Retry-After for the whole request. */
  async operation(viewerId: string): Promise<void> {
    if (!this.operations) return;
    const wait = await consume(this.operations, viewerId);
    if (wait === undefined) return;
    throw new GraphQLError(`Too many operations for this viewer (at most ${this.quotas.operationsPerSecond} a second); retry in ${wait} s`, {
      extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds: wait, http: { status: 429, headers: new Map([['retry-after', String(wait)]]) } },
    });
  }

  /** One App2App prepare of `viewerId`. */
  async app2appPrepare(viewerId: string): Promise<void> {
    if (!this.prepares) return;
    const wait = await consume(this.prepares, viewerId);
    if (wait !== undefined) throw rateLimited(`Too many App2App requests prepared (at most ${this.quotas.app2appPreparesPerMinute} a minute); retry in ${wait} s`, wait);
  }

  /** A watch of `requestKey` by `viewerId`, held until released; RATE_LIMITED over the distinct-key quota. */
  async watchKey(viewerId: string, requestKey: string): Promise<Slot> {
    const limit = this.quotas.app2appWatchedKeysPerViewer;
    if (limit === 0) return { release: async () => {} };
    const slot = await this.coordination.slots.acquire(`app2app-watch:${viewerId}`, requestKey, limit);
    if (slot) return slot;
    throw rateLimited(`This viewer already follows ${limit} App2App requests at once (APP2APP_WATCHED_KEYS_PER_VIEWER); end one first`, HELD_RETRY_SECONDS);
  }

  /** One open websocket of `viewerId`; undefined over the quota. */
  async socket(viewerId: string, socketId: string): Promise<Slot | undefined> {
    const limit = this.quotas.wsSocketsPerViewer;
    if (limit === 0) return { release: async () => {} };
    return this.coordination.slots.acquire(`ws-sockets:${viewerId}`, socketId, limit);
  }
}

/** Seconds to wait when over the limit, undefined when the point was granted. */
async function consume(limiter: Pick<RateLimiterAbstract, 'consume'>, key: string): Promise<number | undefined> {
  try {
    await limiter.consume(key, 1);
    return undefined;
  } catch (err) {
    if (err instanceof RateLimiterRes) return Math.max(1, Math.ceil(err.msBeforeNext / 1000));
    throw err;
  }
}
