/**
 * The voucher catalog without spending Xoxoday's quota (getVouchers: 500 calls a day; Xoxoday advises
 * syncing about four times a day).
 * - Listing: the whole catalog is synced into the store (pages of 100, until a short page) at most once
 *   per TTL (VOUCHER_CATALOG_TTL_SECONDS, default 6 h), by one instance at a time under a named lock,
 *   then filtered and paged here. Any number of queries, filters and pages within the TTL cost no call,
 *   and pageInfo is exact because the whole list is known. A sync is capped at MAX_SYNC_PAGES calls.
 * - If a sync fails and an older catalog exists, the older one is served (and a sync not retried for
 *   SYNC_RETRY_MS): a spent quota or an outage should not empty the shop. A dead grant is not hidden so.
 * - By id (node/nodes, an order's voucher): the fresh synced catalog answers when there is one;
 *   otherwise ids not fetched within the TTL go to Xoxoday in ONE includeProducts call per 100 ids, and
 *   the answers (unknown ids too) are kept in the store for the TTL.
 */
import type { Logger } from '../observability/logger';
import type { LockManager } from '../pubsub';
import { backgroundScope, type OperationScope } from '../scope';
import { UpstreamError } from '../errors';
import type { Voucher } from '../schema/voucher.type';
import type { VoucherCatalogStore } from './voucher-catalog-store';
import { XoxodayGrantError } from '../datasources/xoxoday/grant-error';
import type { XoxodayRewardsClient } from '../datasources/xoxoday/rewards-client';
import type { VoucherPredicate } from './voucher-filter';
import { recordOf, voucherOf, type VoucherRecord } from './voucher-mapper';
import { isProductId, type WireProduct } from '../datasources/xoxoday/wire';

export interface VoucherCatalogOptions {
  rewards: XoxodayRewardsClient;
  store: VoucherCatalogStore;
  locks: LockManager;
  logger: Logger;
  ttlSeconds: number;
  /** @default Date.now */
  now?: () => number;
}

interface Snapshot {
  syncedAt: number;
  records: VoucherRecord[];
  byId: Map<string, VoucherRecord>;
}

const PAGE_SIZE = 100;
/** 100 pages = 10,000 products a sync; four syncs a day then stay within the 500-call quota. */
const MAX_SYNC_PAGES = 100;
const SYNC_RETRY_MS = 60_000;

export class VoucherCatalog {
  private readonly now: () => number;
  private readonly ttlMs: number;
  private snapshot?: Snapshot;
  private loading?: Promise<Snapshot>;
  private retrySyncAt = 0;

  constructor(private readonly options: VoucherCatalogOptions) {
    this.now = options.now ?? Date.now;
    this.ttlMs = options.ttlSeconds * 1000;
  }
  /** Drops the catalog held in memory (a development sandbox reset); the next read syncs. */
  forget(): void {
    this.snapshot = undefined;
    this.retrySyncAt = 0;
  }


  /** One window of the catalog narrowed by `matches`, and how many products match in all. */
  async list(matches: VoucherPredicate, window: { offset: number; limit: number }): Promise<{ items: Voucher[]; total: number }> {
    const { records } = await this.current();
    const matching = records.filter(matches);
    return { items: matching.slice(window.offset, window.offset + window.limit).map(voucherOf), total: matching.length };
  }

  /** One voucher or null per id, in order. */
  async byIds(scope: OperationScope, ids: readonly string[]): Promise<Array<Voucher | null>> {
    const found = new Map<string, VoucherRecord | null>();
    const fresh = await this.freshSnapshot();
    if (fresh) {
      for (const id of ids) found.set(id, fresh.byId.get(id) ?? null);
    } else {
      const wanted = [...new Set(ids)].filter(isProductId);
      for (const [id, record] of await this.options.store.products(wanted, this.now() - this.ttlMs)) found.set(id, record);
      const missing = wanted.filter((id) => !found.has(id));
      for (let i = 0; i < missing.length; i += PAGE_SIZE) {
        const chunk = missing.slice(i, i + PAGE_SIZE);
        const products = await this.options.rewards.getVouchers(scope, { includeProducts: chunk.join(','), limit: chunk.length, page: 1 });
        const fetched = new Map<string, VoucherRecord | null>(chunk.map((id) => [id, null]));
        for (const record of this.normalise(products)) if (fetched.has(record.productId)) fetched.set(record.productId, record);
        await this.options.store.saveProducts(fetched, this.now());
        for (const [id, record] of fetched) found.set(id, record);
      }
    }
    return ids.map((id) => {
      const record = found.get(id);
      return record ? voucherOf(record) : null;
    });
  }

  /** When the catalog in use was synced (for /readyz details). */
  syncedAt(): string | null {
    return this.snapshot ? new Date(this.snapshot.syncedAt).toISOString() : null;
  }

  private isFresh(syncedAt: number): boolean {
    return this.now() - syncedAt < this.ttlMs;
  }

  /** The synced catalog if one within the TTL exists (memory or store); never calls Xoxoday. */
  private async freshSnapshot(): Promise<Snapshot | undefined> {
    if (this.snapshot && this.isFresh(this.snapshot.syncedAt)) return this.snapshot;
    const syncedAt = await this.options.store.syncedAt();
    if (syncedAt === undefined || !this.isFresh(syncedAt)) return undefined;
    return this.current();
  }

  /** The catalog to serve: fresh from memory or the store, or synced now (once, however many ask). */
  private current(): Promise<Snapshot> {
    if (this.snapshot && this.isFresh(this.snapshot.syncedAt)) return Promise.resolve(this.snapshot);
    this.loading ??= this.load().finally(() => (this.loading = undefined));
    return this.loading;
  }

  private async load(): Promise<Snapshot> {
    const stored = await this.readStored();
    if (stored && this.isFresh(stored.syncedAt)) return stored;
    if (stored && this.now() < this.retrySyncAt) return stored;
    // One instance syncs; the others wait on the lock and then find its catalog in the store.
    return this.options.locks.withLock(
      'xoxoday:catalog-sync',
      async () => {
        const again = await this.readStored();
        if (again && this.isFresh(again.syncedAt)) return again;
        try {
          return await this.sync();
        } catch (err) {
          if (!again || !(err instanceof UpstreamError) || err instanceof XoxodayGrantError) throw err;
          this.retrySyncAt = this.now() + SYNC_RETRY_MS;
          this.options.logger.warn({ provider: 'XOXODAY', code: err.code, syncedAt: new Date(again.syncedAt).toISOString() }, 'voucher catalog sync failed; serving the older catalog');
          return again;
        }
      },
      { ttlMs: 60_000, waitMs: 65_000 },
    );
  }

  /** One sync serves every operation waiting for the catalog: it belongs to none of them. */
  private async sync(): Promise<Snapshot> {
    const byId = new Map<string, VoucherRecord>();
    const scope = backgroundScope('xoxoday-catalog-sync');
    for (let page = 1; page <= MAX_SYNC_PAGES; page += 1) {
      const products = await this.options.rewards.getVouchers(scope, { page, limit: PAGE_SIZE });
      for (const record of this.normalise(products)) if (!byId.has(record.productId)) byId.set(record.productId, record);
      if (products.length < PAGE_SIZE) break;
      if (page === MAX_SYNC_PAGES) this.options.logger.warn({ pages: page }, 'voucher catalog sync stopped at its page cap');
    }
    const syncedAt = this.now();
    const records = [...byId.values()];
    await this.options.store.replace(records, syncedAt);
    this.options.logger.info({ products: records.length }, 'voucher catalog synced');
    this.retrySyncAt = 0;
    return this.remember(syncedAt, records);
  }

  private async readStored(): Promise<Snapshot | undefined> {
    const syncedAt = await this.options.store.syncedAt();
    if (syncedAt === undefined) return undefined;
    if (this.snapshot?.syncedAt === syncedAt) return this.snapshot;
    const stored = await this.options.store.read();
    return stored ? this.remember(stored.syncedAt, stored.records) : undefined;
  }

  private remember(syncedAt: number, records: VoucherRecord[]): Snapshot {
    this.snapshot = { syncedAt, records, byId: new Map(records.map((r) => [r.productId, r])) };
    return this.snapshot;
  }

  /** One product Xoxoday describes in a way we can't read is left out, not the whole answer. */
  private normalise(products: WireProduct[]): VoucherRecord[] {
    const records: VoucherRecord[] = [];
    for (const product of products) {
      try {
        records.push(recordOf(product));
      } catch {
        this.options.logger.warn({ provider: 'XOXODAY', productId: product.productId }, 'voucher product left out: unreadable amounts');
      }
    }
    return records;
  }
}
