/**
 * The Xoxoday domain's process-wide services: the shared client of XOXODAY_BASE_URL, the company token
 * manager, the Rewards API client, the catalog and the orders. Registers the `xoxoday` /readyz check
 * (a dead grant needs an operator) and its details (grant state, catalog sync time).
 */
import { Provider } from '../errors';
import type { CoreServices } from '../services';
import { VoucherCatalogStore } from './catalog-store';
import { CompanyTokenManager } from '../datasources/xoxoday/company-token';
import { XoxodayOAuthClient } from '../datasources/xoxoday/oauth-client';
import { VoucherOrderStore } from './order-store';
import { XoxodayRewardsClient } from '../datasources/xoxoday/rewards-client';
import { VoucherCatalog } from './voucher-catalog';
import { VoucherOrders } from './voucher-orders';

export interface XoxodayServices {
  tokens: CompanyTokenManager;
  rewards: XoxodayRewardsClient;
  catalog: VoucherCatalog;
  orders: VoucherOrders;
}

export function startXoxoday(core: CoreServices): XoxodayServices {
  const { config, upstreams, store, coordination, logger } = core;
  const credentials = upstreams.credentials.xoxoday;
  const http = core.http(Provider.XOXODAY, upstreams.xoxoday);
  const log = logger.child({ domain: 'xoxoday' });
  const tokens = new CompanyTokenManager({
    oauth: new XoxodayOAuthClient(http, credentials),
    store: store.credentials,
    locks: coordination.locks,
    logger: log,
    production: config.production,
    bootstrapRefreshToken: credentials.refreshToken,
  });
  const rewards = new XoxodayRewardsClient(http, tokens);
  const catalog = new VoucherCatalog({ rewards, store: new VoucherCatalogStore(store.db), locks: coordination.locks, logger: log, ttlSeconds: config.voucherCatalogTtlSeconds });
  const orders = new VoucherOrders({ rewards, catalog, orders: new VoucherOrderStore(store.db, store.box), idempotency: store.idempotency, logger: log });

  core.readiness.push({ name: 'xoxoday', check: () => tokens.readiness() });
  core.details.xoxoday = () => ({ ...tokens.describe(), catalogSyncedAt: catalog.syncedAt() });
  return { tokens, rewards, catalog, orders };
}
