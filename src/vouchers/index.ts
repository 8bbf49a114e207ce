/**
 * The vouchers domain (Xoxoday): the shared client of XOXODAY_BASE_URL, the company grant (and its idle
 * renewal), the Rewards API client, the catalog, the orders, the follow-up of delayed deliveries and its
 * events, and the VoucherService that resolvers call. /readyz reports a
 * grant known to be dead (an operator must authorize again) and, in details, the grant state and the
 * catalog sync time.
 */
import type { CoreServices, DomainModule } from '../core';
import { CompanyTokenManager } from '../datasources/xoxoday/company-token';
import { GrantRenewal } from '../datasources/xoxoday/grant-renewal';
import { upstreamAccount } from '../datasources/account';
import { XoxodayOAuthClient } from '../datasources/xoxoday/oauth-client';
import { XoxodayOrderLookup } from '../datasources/xoxoday/order-lookup';
import { XoxodayRewardsClient } from '../datasources/xoxoday/rewards-client';
import { Provider } from '../errors';
import { DeliveryFollower } from './delivery-follower';
import { PendingOrders } from './pending-orders';
import { VoucherCatalog } from './voucher-catalog';
import { VoucherOrderEvents } from './voucher-order-events';
import { VoucherCatalogStore } from './voucher-catalog-store';
import { VoucherOrderStore } from './voucher-order-store';
import { VoucherOrders } from './voucher-orders';
import { VoucherService } from './voucher-service';

export function start(core: CoreServices): DomainModule<VoucherService> {
  const { config, upstreams, store, coordination, logger } = core;
  const credentials = upstreams.credentials.xoxoday;
  const http = core.http(Provider.XOXODAY, upstreams.xoxoday);
  const log = logger.child({ domain: 'xoxoday' });
  // Xoxoday's ids (orders, products) and grants are good within one account: everything stored is keyed by it.
  const account = upstreamAccount(Provider.XOXODAY, upstreams.xoxoday, credentials.clientId);
  const tokens = new CompanyTokenManager({
    oauth: new XoxodayOAuthClient(http, credentials),
    account,
    store: store.credentials,
    locks: coordination.locks,
    logger: log,
    production: config.production,
    bootstrapRefreshToken: credentials.refreshToken,
    renewEveryMs: config.xoxodayGrantRenewalSeconds * 1000,
  });
  const renewal = new GrantRenewal(tokens, log, GrantRenewal.checkIntervalFor(config.xoxodayGrantRenewalSeconds * 1000));
  renewal.start();
  const rewards = new XoxodayRewardsClient(http, tokens);
  const catalog = new VoucherCatalog({ rewards, store: new VoucherCatalogStore(store.db, account), locks: coordination.locks, logger: log, ttlSeconds: config.voucherCatalogTtlSeconds });
  const orderStore = new VoucherOrderStore(store.db, store.box);
  const events = new VoucherOrderEvents(coordination.pubsub, config.voucherDelivery.intervalMs);
  const pending = new PendingOrders({ rewards, orders: orderStore, account, logger: log, events });
  const orders = new VoucherOrders({ rewards, lookup: new XoxodayOrderLookup(rewards, log), account, catalog, orders: orderStore, idempotency: store.idempotency, logger: log, pending });
  const follower = new DeliveryFollower({ pending, orders: orderStore, account, locks: coordination.locks, logger: log, ...config.voucherDelivery });
  follower.start();

  return {
    service: new VoucherService(catalog, orders, core.cursors, events),
    readiness: [{ name: 'xoxoday', check: () => tokens.readiness() }],
    details: { xoxoday: () => ({ ...tokens.describe(), catalogSyncedAt: catalog.syncedAt(), followingDeliveries: follower.following, voucherOrderStreams: events.openStreams }) },
    stop: async () => {
      await Promise.all([renewal.stop(), follower.stop()]);
    },
    forgetUpstreamState: async () => {
      tokens.forget();
      catalog.forget();
      follower.forget();
      events.endAll();
    },
  };
}

export type { VoucherService } from './voucher-service';
