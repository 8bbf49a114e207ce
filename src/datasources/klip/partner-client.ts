/**
 * Klip Card Minting API (partners) — base `KLIP_API_URL` (e.g. `https://api.klipwallet.com/v2`).
 * - Auth: the partner JWT raw in `Authorization` (partner-credentials.ts); a 401 re-logs in once.
 * - Pagination: `GET /wallet/bapp?cursor` answers at most 100 cards and `next_cursor` (`""` at the
 *   end); cursors are opaque and forward-only, so the gateway keeps them inside its own signed cursors.
 * - `GET /wallet/card/:cardId` is one card (no batch call exists: loaders de-duplicate instead);
 *   `POST /wallet/mint` mints one card per `to_address` (1..100) with the partner PIN.
 * - Errors: `{code: <int>, message}` with 400/401/404 (partner-wire.ts); 5xx, timeouts and 429 are
 *   mapped by UpstreamHttp with `provider: KLIP`.
 * This client never logs or returns the PIN or the token.
 */
import { ErrorCode, Provider, UpstreamError } from '../../errors';
import type { UpstreamHttp } from '../http';
import type { PartnerCredentials } from './partner-credentials';
import { KlipErrorCode, klipRejection, type BappPage, type MintBody, type WireCard } from './partner-wire';

/** Klip refused a page cursor we stored: the caller turns it into BAD_USER_INPUT on its own argument. */
export class KlipCursorRejected extends Error {
  constructor() {
    super('Klip no longer accepts this page cursor');
    this.name = 'KlipCursorRejected';
  }
}

export class PartnerClient {
  constructor(
    private readonly http: UpstreamHttp,
    private readonly credentials: PartnerCredentials,
  ) {}

  /** One page of the partner's cards; `cursor` is `""` for the first page. */
  async bappPage(cursor: string): Promise<BappPage> {
    try {
      const page = await this.credentials.withToken((token) =>
        this.http.json<BappPage>({
          method: 'GET',
          path: '/wallet/bapp',
          route: '/wallet/bapp',
          query: { cursor: cursor || undefined },
          headers: { authorization: token },
        }),
      );
      if (!Array.isArray(page?.bapps) || typeof page.next_cursor !== 'string' || !page.bapps.every((b) => Array.isArray(b?.cards))) {
        throw unexpected('a card page');
      }
      return page;
    } catch (err) {
      if (klipRejection(err)?.code === KlipErrorCode.InvalidCursor) throw new KlipCursorRejected();
      throw err;
    }
  }

  /** One card of the partner contract, or null when Klip has no such card. */
  async card(cardId: string): Promise<WireCard | null> {
    try {
      const card = await this.credentials.withToken((token) =>
        this.http.json<WireCard>({
          method: 'GET',
          path: `/wallet/card/${encodeURIComponent(cardId)}`,
          route: '/wallet/card/:cardId',
          headers: { authorization: token },
        }),
      );
      if (typeof card?.card_id !== 'string') throw unexpected('a card');
      return card;
    } catch (err) {
      const code = klipRejection(err)?.code;
      if (code === KlipErrorCode.CardNotFound || code === KlipErrorCode.InvalidCardId) return null;
      throw err;
    }
  }

  /**
   * Mints one card per address. Klip's 400s are thrown as they come (UpstreamStatusError) for the
   * caller to turn into userErrors; a POST is never re-sent except after a 401, when Klip did not act.
   */
  async mint(body: MintBody): Promise<WireCard[]> {
    const answer = await this.credentials.withToken((token) =>
      this.http.json<{ cards: WireCard[] }>({
        method: 'POST',
        path: '/wallet/mint',
        route: '/wallet/mint',
        body,
        headers: { authorization: token },
      }),
    );
    if (!Array.isArray(answer?.cards)) throw unexpected('the minted cards');
    return answer.cards;
  }
}

function unexpected(what: string): UpstreamError {
  return new UpstreamError(Provider.KLIP, ErrorCode.UPSTREAM_UNAVAILABLE, `Klip answered ${what} in an unexpected shape`);
}
