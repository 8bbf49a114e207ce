/**
 * Klip App2App card list — base `KLIP_A2A_URL` (e.g. `https://a2a-api.klipwallet.com/v2`).
 * - `GET /a2a/cards?sca=<card contract>&eoa=<holder>&cursor=` → `{name, symbol_img, cards, next_cursor}`.
 * - No credentials [doc]: anyone may list any holder's cards, so the gateway only ever asks for the
 *   address the viewer linked (Viewer.cards), never one a client names.
 * - Pagination: at most 100 cards a page, opaque forward-only `next_cursor`, `""` at the end; a cursor
 *   is bound to its (sca, eoa) pair.
 * - Errors: `{code: <int>, message}` with 400 (40001 bad cursor, 40004 bad address); 5xx, timeouts
 *   and 429 are mapped by UpstreamHttp with `provider: KLIP`.
 * The App2App requests themselves (prepare/result) belong to the App2App domain, not to this client.
 */
import { ErrorCode, Provider, UpstreamError } from '../../errors';
import type { UpstreamHttp } from '../http';
import { KlipCursorRejected } from './partner-client';
import { KlipErrorCode, klipRejection, type HolderCardsPage } from './partner-wire';

export class HolderCardsClient {
  constructor(private readonly http: UpstreamHttp) {}

  /** One page of `holder`'s cards in `contract`; `cursor` is `""` for the first page. */
  async page(contract: string, holder: string, cursor: string): Promise<HolderCardsPage> {
    try {
      const page = await this.http.json<HolderCardsPage>({
        method: 'GET',
        path: '/a2a/cards',
        route: '/a2a/cards',
        query: { sca: contract, eoa: holder, cursor: cursor || undefined },
      });
      if (!Array.isArray(page?.cards) || typeof page.next_cursor !== 'string') {
        throw new UpstreamError(Provider.KLIP, ErrorCode.UPSTREAM_UNAVAILABLE, 'Klip answered a holder’s card page in an unexpected shape');
      }
      return page;
    } catch (err) {
      if (klipRejection(err)?.code === KlipErrorCode.InvalidCursor) throw new KlipCursorRejected();
      throw err;
    }
  }
}
