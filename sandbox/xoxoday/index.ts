/**
 * Xoxoday Plum, emulated: OAuth with rotating refresh tokens (oauth.ts, tokens.ts) and the Rewards API
 * (api.ts → vouchers.ts, orders.ts) under `/xoxoday/chef`; control calls at `/_sandbox/xoxoday`
 * (control.ts). Wire contract: ../../../shared/upstreams/xoxoday.md; each file's header lists the details
 * the sandbox settles itself ([model]). All time comes from the sandbox clock.
 *
 * Seed (restored exactly by reset): the 120-product catalog of catalog.ts, balance 10000 USD, no codes,
 * tokens or orders, getVouchers quota and refresh rate-limit windows empty, ops counter empty.
 */
import type { ProviderFactory } from '../provider';
import { OpsCounter, registerRewardsApi } from './api';
import { seedCatalog } from './catalog';
import { createXoxodayControl } from './control';
import { registerOAuthRoutes } from './oauth';
import { OrderBook } from './orders';
import { XoxodayTokens } from './tokens';
import { VoucherCatalog } from './vouchers';

export const createXoxodayProvider: ProviderFactory = ({ clock, credentials, options, strict, router }) => {
  // The catalog never changes after seeding, so one copy serves every reset.
  const products = seedCatalog();
  const catalog = new VoucherCatalog(products);
  const orders = new OrderBook(new Map(products.map((p) => [p.productId, p])));
  const tokens = new XoxodayTokens(clock);
  const ops = new OpsCounter();

  const api = router();
  registerOAuthRoutes(api, tokens, credentials.xoxoday, { tokenExtras: () => options.xoxodayTokenExtras || strict.chance('xoxoday.refreshExtras', 0.5) });
  registerRewardsApi(api, { clock, tokens, catalog, orders, ops });

  return {
    name: 'xoxoday',
    mounts: [{ basePath: '/xoxoday/chef', router: api }],
    control: createXoxodayControl({ tokens, orders, ops }),
    reset: () => {
      tokens.reset();
      orders.reset();
      catalog.resetQuota();
      ops.clear();
    },
  };
};
