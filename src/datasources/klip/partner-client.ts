/**
 * Klip Card Minting API (partners) — base `KLIP_API_URL` (e.g. `https://api.klipwallet.com/v2`).
 * - Auth: the partner JWT raw in `Authorization` (partner-credentials.ts); a 401 re-logs in once.
 * - Pagination: `GET /wallet/bapp?cursor` answers at most 100 cards and `next_cursor` (empty at the
 *   end); cursors are opaque and forward-only, so the gateway keeps them inside its own signed cursors.
 *   A cursor Klip no longer takes is a `cursor-rejected` rejection.
 * - `GET /wallet/card/:cardId` is one card [model path] (no batch call exists: loaders de-duplicate);
 *   `POST /wallet/mint` mints one card per `to_address` (1..100) with the partner PIN.
 * - Errors: klip-rejections.ts; 5xx, timeouts and 429 are mapped by UpstreamHttp with `provider: KLIP`.
 * This client never logs or returns the PIN or the token.
 */
import { Provider } from '../../errors';
import type { OperationScope } from '../../scope';
import type { UpstreamHttp } from '../http';
import { rejectionKind } from '../rejection';
import type { KlipMintQuota, PartnerCredentials } from './partner-credentials';
import { KlipRoute, type KlipRejectionKind } from './klip-rejections';
import { bappPageSchema, mintAnswerSchema, wireCardSchema, type BappPage, type MintBody, type WireCard } from './partner-wire';

export class PartnerClient {
  constructor(
    private readonly http: UpstreamHttp,
    private readonly credentials: PartnerCredentials,
  ) {}

  /** One page of the partner's cards; `cursor` is `""` for the first page. */
  bappPage(scope: OperationScope, cursor: string): Promise<BappPage> {
    return this.credentials.withToken((token) =>
      this.http.json(
        { scope, method: 'GET', path: KlipRoute.Bapp, route: KlipRoute.Bapp, query: { cursor: cursor || undefined }, headers: { authorization: token } },
        bappPageSchema,
      ),
    );
  }

  /** One card of the partner contract, or null when Klip has no such card. */
  async card(scope: OperationScope, cardId: string): Promise<WireCard | null> {
    try {
      return await this.credentials.withToken((token) =>
        this.http.json(
          { scope, method: 'GET', path: `/wallet/card/${encodeURIComponent(cardId)}`, route: KlipRoute.Card, headers: { authorization: token } },
          wireCardSchema,
        ),
      );
    } catch (err) {
      if (rejectionKind<KlipRejectionKind>(err, Provider.KLIP) === 'card-not-found') return null;
      throw err;
    }
  }

  /** The partner's mint quota as Klip reports it now (a login: partner-credentials.ts). */
  mintQuota(): Promise<KlipMintQuota> {
    return this.credentials.mintQuota();
  }

  /**
   * Mints one card per address. Klip's refusals are thrown as rejections for the caller to turn into
   * userErrors; a POST is never re-sent except after a 401, when Klip did not act.
   */
  async mint(scope: OperationScope, body: MintBody): Promise<WireCard[]> {
    const answer = await this.credentials.withToken((token) =>
      this.http.json({ scope, method: 'POST', path: KlipRoute.Mint, route: KlipRoute.Mint, body, headers: { authorization: token } }, mintAnswerSchema),
    );
    // The answer's card fields are our [model]: a card that leaves out what it was minted with has it.
    return answer.cards.map((card) => ({
      ...card,
      name: card.name ?? body.name,
      description: card.description ?? body.description ?? null,
      image: card.image ?? body.image,
      attributes: card.attributes ?? body.attributes ?? null,
    }));
  }
}
