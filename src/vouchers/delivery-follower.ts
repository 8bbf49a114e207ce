/**
 * Delayed voucher deliveries followed up in the background, so that codes reach their owner (and the
 * owner's `Subscription.voucherOrder`) without anyone reading the order again. Xoxoday would send a
 * webhook [doc]; the gateway has no public endpoint for one, so it asks getOrderDetails instead.
 *
 * - What to follow comes from the store (this account's orders still PENDING delivery and not failed),
 *   read anew every sweep: a restart, or another instance taking over, loses nothing.
 * - One follower across instances: a lease (`coordination.locks`, in Redis when configured) taken and
 *   renewed every sweep; the others try for it each sweep, so one takes over within a lease after the
 *   holder stops or dies. Without Redis each instance follows on its own (as App2App's pollers do).
 * - Backing off per order: first look `intervalMs` after it was placed, then twice as long after each
 *   look, up to `maxIntervalMs` (VOUCHER_DELIVERY_POLL_MS / VOUCHER_DELIVERY_MAX_POLL_MS). An upstream
 *   failure counts as a look. At most MAX_LOOKS_PER_SWEEP calls a sweep, oldest order first.
 * - A look is PendingOrders.refreshOne (the same as an owner's read): the change stored, then announced.
 */
import type { Logger } from '../observability/logger';
import type { Lease, LockManager } from '../pubsub';
import { backgroundScope } from '../scope';
import type { PendingOrders } from './pending-orders';
import type { VoucherOrderStore } from './voucher-order-store';

export interface DeliveryFollowerOptions {
  pending: Pick<PendingOrders, 'refreshOne'>;
  orders: Pick<VoucherOrderStore, 'pending'>;
  account: string;
  locks: LockManager;
  logger: Logger;
  intervalMs: number;
  maxIntervalMs: number;
  /** @default Date.now */
  now?: () => number;
}

const LOCK = 'xoxoday:delivery-follower';
/** Orders read from the store per sweep (the oldest pending ones). */
const MAX_PENDING_READ = 1_000;
const MAX_LOOKS_PER_SWEEP = 20;

interface Schedule {
  dueAt: number;
  looks: number;
}

/** When to look next at an order looked at `looks` times, the last at `now`. */
export function nextLookAt(now: number, looks: number, intervalMs: number, maxIntervalMs: number): number {
  return now + Math.min(intervalMs * 2 ** looks, maxIntervalMs);
}

export class DeliveryFollower {
  private readonly now: () => number;
  private readonly schedule = new Map<string, Schedule>();
  private lease?: Lease;
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<void>;
  private stopped = false;

  constructor(private readonly options: DeliveryFollowerOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Whether this instance holds the follower's lease (for /readyz details). */
  get following(): boolean {
    return this.lease !== undefined;
  }

  start(): void {
    this.stopped = false;
    this.arm();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.sweeping;
    const lease = this.lease;
    this.lease = undefined;
    await lease?.release().catch(() => {
      // It expires on its own; another instance takes over after its TTL.
    });
  }

  /** Forgets the per-order schedule (a development sandbox reset: those orders are gone upstream). */
  forget(): void {
    this.schedule.clear();
  }

  /** One sweep now (tests and the timer). */
  sweep(): Promise<void> {
    this.sweeping ??= this.run().finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  private arm(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.sweep().finally(() => this.arm());
    }, this.options.intervalMs);
    this.timer.unref();
  }

  private async run(): Promise<void> {
    const { intervalMs, maxIntervalMs, logger } = this.options;
    try {
      if (!(await this.holdLease())) return;
      const pending = await this.options.orders.pending(this.options.account, MAX_PENDING_READ);
      const now = this.now();
      const known = new Set(pending.map((r) => r.poNumber));
      for (const poNumber of this.schedule.keys()) if (!known.has(poNumber)) this.schedule.delete(poNumber);
      const due = pending.filter((record) => this.scheduleOf(record.poNumber, record.placedAt.getTime()).dueAt <= now).slice(0, MAX_LOOKS_PER_SWEEP);
      for (const record of due) {
        if (this.stopped) return;
        await this.options.pending.refreshOne(backgroundScope('xoxoday-delivery-follow-up'), record);
        const entry = this.schedule.get(record.poNumber)!;
        entry.looks += 1;
        entry.dueAt = nextLookAt(this.now(), entry.looks, intervalMs, maxIntervalMs);
      }
    } catch (err) {
      // The store or the lock manager: try again next sweep.
      logger.warn({ err }, 'voucher delivery follow-up sweep failed');
    }
  }

  private scheduleOf(poNumber: string, placedAt: number): Schedule {
    let entry = this.schedule.get(poNumber);
    if (!entry) {
      entry = { dueAt: placedAt + this.options.intervalMs, looks: 0 };
      this.schedule.set(poNumber, entry);
    }
    return entry;
  }

  /** Takes or renews the lease; false when another instance follows. */
  private async holdLease(): Promise<boolean> {
    const ttl = 3 * this.options.intervalMs + 5_000;
    if (this.lease && !(await this.lease.renew(ttl))) {
      this.lease = undefined;
      // Someone else took over; what we scheduled may be stale by the time we get it back.
      this.schedule.clear();
    }
    this.lease ??= await this.options.locks.tryAcquire(LOCK, ttl);
    return this.lease !== undefined;
  }
}
