/**
 * Kigo's wallet and claim API, one method per endpoint, each called with the viewer's user session
 * (KigoSessions), so callers name a viewer and never touch a Kigo credential. Every Kigo path and field
 * name lives in this folder.
 *
 * Base path   `{KIGO_BASE_URL}` (e.g. `https://api.kigo.io/api/v1`; the sandbox's `/kigo/api/v1`).
 * Paths       [model]: Kigo documents the operations (list, share, cancel, claim), not their paths or
 *             field names; every one is named in this folder only (KigoRoute, wire.ts).
 * Auth        `Authorization: Bearer <user access token>`; sessions are bought by KigoAuthClient and
 *             kept by KigoSessions (a 401 renews once and retries once).
 * Pagination  `GET /wallet/tokens?offset&limit[&status]` → `{data, total, offset, limit}`; limit 1..100;
 *             `status` is a [model] filter, checked on every answer (token-status-filter.ts).
 * Errors      `{error: {code, message}}`, named by kigo-rejections.ts (`token-not-found`, …).
 * Limits      claim codes are path segments, so they are URL-encoded, never logged, and the metrics
 *             route is the template `/claims/:claimCode`.
 */
import { Provider } from '../../errors';
import type { OperationScope } from '../../scope';
import type { UpstreamHttp } from '../http';
import { UpstreamRejection, rejectionKind } from '../rejection';
import { claimCodeSegment, tokenIdSegment } from './kigo-formats';
import { KigoRoute, type KigoRejectionKind } from './kigo-rejections';
import type { KigoSessions } from './kigo-sessions';
import { TokenStatusFilter, type TokenPageRequest } from './token-status-filter';
import { kigoShareSchema, kigoTokenEnvelopeSchema, kigoTokenPageSchema, kigoTokenSchema, type KigoShare, type KigoToken, type KigoTokenPage } from './wire';

export class KigoClient {
  private readonly statusFilter = new TokenStatusFilter();

  constructor(
    private readonly http: UpstreamHttp,
    private readonly sessions: KigoSessions,
  ) {}

  /**
   * One page of the viewer's wallet. With `status`, Kigo's filter ([model]) is checked on the answer and
   * replaced by local filtering once Kigo shows it ignores it (token-status-filter.ts): `total` always
   * counts the tokens that match.
   */
  listTokens(scope: OperationScope, sub: string, page: TokenPageRequest): Promise<KigoTokenPage> {
    const fetch = (request: TokenPageRequest): Promise<KigoTokenPage> =>
      this.sessions.asUser(sub, (access) =>
        this.http.json(
          { scope, method: 'GET', path: '/wallet/tokens', route: KigoRoute.Tokens, query: { offset: request.offset, limit: request.limit, status: request.status }, headers: bearer(access) },
          kigoTokenPageSchema,
        ),
      );
    const { status } = page;
    return status === undefined ? fetch(page) : this.statusFilter.page(fetch, { ...page, status }, scope, sub);
  }

  /** Someone else's token answers token-not-found, like a missing one. */
  getToken(scope: OperationScope, sub: string, tokenId: string): Promise<KigoToken> {
    return this.sessions.asUser(sub, (access) =>
      this.http.json({ scope, method: 'GET', path: tokenPath(tokenId), route: KigoRoute.Token, headers: bearer(access) }, kigoTokenSchema),
    );
  }

  /**
   * Shares the token. A 409 whose code we do not know is "not shareable" or "already shared": the token
   * as Kigo shows it now says which (a pending share, or not), and that is the rejection thrown.
   */
  async shareToken(scope: OperationScope, sub: string, tokenId: string): Promise<KigoShare> {
    try {
      return await this.sessions.asUser(sub, (access) =>
        this.http.json({ scope, method: 'POST', path: `${tokenPath(tokenId)}/share`, route: KigoRoute.Share, headers: bearer(access) }, kigoShareSchema),
      );
    } catch (err) {
      if (rejectionKind<KigoRejectionKind>(err, Provider.KIGO) !== 'share-refused') throw err;
      const refusal = err as UpstreamRejection<KigoRejectionKind>;
      const current = await this.getToken(scope, sub, tokenId);
      const kind: KigoRejectionKind = current.status === 'share_pending' ? 'token-already-shared' : 'token-not-shareable';
      throw new UpstreamRejection<KigoRejectionKind>(Provider.KIGO, refusal.status ?? 409, refusal.route, { kind, upstreamCode: refusal.upstreamCode });
    }
  }

  async cancelShare(scope: OperationScope, sub: string, tokenId: string): Promise<KigoToken> {
    const answer = await this.sessions.asUser(sub, (access) =>
      this.http.json({ scope, method: 'DELETE', path: `${tokenPath(tokenId)}/share`, route: KigoRoute.Share, headers: bearer(access) }, kigoTokenEnvelopeSchema),
    );
    return answer.token;
  }

  /** What the code would give, without claiming it. */
  async previewClaim(scope: OperationScope, sub: string, claimCode: string): Promise<KigoToken> {
    const answer = await this.sessions.asUser(sub, (access) =>
      this.http.json({ scope, method: 'GET', path: claimPath(claimCode), route: KigoRoute.Claim, headers: bearer(access) }, kigoTokenEnvelopeSchema),
    );
    return answer.token;
  }

  async claim(scope: OperationScope, sub: string, claimCode: string): Promise<KigoToken> {
    const answer = await this.sessions.asUser(sub, (access) =>
      this.http.json({ scope, method: 'POST', path: claimPath(claimCode), route: KigoRoute.Claim, headers: bearer(access) }, kigoTokenEnvelopeSchema),
    );
    return answer.token;
  }
}

const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });
const tokenPath = (tokenId: string): string => `/wallet/tokens/${tokenIdSegment(tokenId)}`;
const claimPath = (claimCode: string): string => `/claims/${claimCodeSegment(claimCode)}`;
