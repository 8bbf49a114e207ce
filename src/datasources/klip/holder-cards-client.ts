/**
 * Klip App2App card list — base `KLIP_A2A_URL` (e.g. `https://a2a-api.klipwallet.com/v2`).
 * - `GET /a2a/cards?sca=<card contract>&eoa=<holder>&cursor=` → `{name, symbol_img, cards, next_cursor}`.
 * - No credentials [doc]: anyone may list any holder's cards, so the gateway only ever asks for the
 *   address the viewer linked (Viewer.cards), never one a client names.
 * - Pagination: at most 100 cards a page, opaque forward-only `next_cursor`, empty at the end (`""`, `null` or absent: partner-wire.ts); a cursor
 *   is bound to its (sca, eoa) pair. A cursor Klip no longer takes is a `cursor-rejected` rejection.
 * The App2App requests themselves (prepare/result) belong to a2a-client.ts.
 */
import type { OperationScope } from '../../scope';
import type { UpstreamHttp } from '../http';
import { KlipRoute } from './klip-rejections';
import { holderCardsPageSchema, type HolderCardsPage } from './partner-wire';

export class HolderCardsClient {
  constructor(private readonly http: UpstreamHttp) {}

  /** One page of `holder`'s cards in `contract`; `cursor` is `""` for the first page. */
  page(scope: OperationScope, contract: string, holder: string, cursor: string): Promise<HolderCardsPage> {
    return this.http.json({ scope, method: 'GET', path: KlipRoute.HolderCards, route: KlipRoute.HolderCards, query: { sca: contract, eoa: holder, cursor: cursor || undefined } }, holderCardsPageSchema);
  }
}
