/**
 * Everything an operation may reach: the core services and one service per domain, keyed by domain.
 * Only the GraphQL layer (context, resolvers, nodes) depends on this; domains depend on core.ts.
 */
import type { App2AppService } from './app2app';
import type { AssetService } from './assets/asset-service';
import type { CardService } from './cards';
import type { CoreServices } from './core';
import type { TokenService } from './tokens';
import type { VoucherService } from './vouchers';

export interface DomainServices {
  /** Kigo tokens: wallet, share, cancel, claim. */
  tokens: TokenService;
  /** Klip cards: partner cards, the viewer's cards, minting. */
  cards: CardService;
  /** Klip App2App requests and the viewer's linked Klaytn address. */
  app2app: App2AppService;
  /** Xoxoday vouchers: catalog, orders, balance. */
  vouchers: VoucherService;
  /** What the viewer holds across the three (viewer.assets), over the three domains above. */
  assets: AssetService;
}

export type AppServices = CoreServices & DomainServices;
