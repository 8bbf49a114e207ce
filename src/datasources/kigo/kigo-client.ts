/**
 * Kigo's wallet and claim API, one method per endpoint, each called with the viewer's user session
 * (KigoSessions), so callers name a viewer and never touch a Kigo credential. Every Kigo path and field
 * name lives in this folder.
 *
 * Base path   `{KIGO_BASE_URL}` (e.g. `https://api.kigo.io/api/v1`; the sandbox's `/kigo/api/v1`).
 * Auth        `Authorization: Bearer <user access token>`; sessions are bought by KigoAuthClient and
 *             kept by KigoSessions (a 401 renews once and retries once).
 * Pagination  `GET /wallet/tokens?offset&limit[&status]` → `{data, total, offset, limit}`; limit 1..100;
 *             `status` is a [model] filter and `total` counts the matching tokens.
 * Errors      `{error: {code, message}}`, named by kigo-rejections.ts (`token-not-found`, …).
 * Limits      claim codes are path segments, so they are URL-encoded, never logged, and the metrics
 *             route is the template `/claims/:claimCode`.
 */
import type { OperationScope } from '../../scope';
import type { UpstreamHttp } from '../http';
import type { KigoSessions } from './kigo-sessions';
import { kigoShareSchema, kigoTokenEnvelopeSchema, kigoTokenPageSchema, kigoTokenSchema, type KigoShare, type KigoToken, type KigoTokenPage, type KigoTokenStatus } from './wire';

export class KigoClient {
  constructor(
    private readonly http: UpstreamHttp,
    private readonly sessions: KigoSessions,
  ) {}

  listTokens(scope: OperationScope, sub: string, page: { offset: number; limit: number; status?: KigoTokenStatus }): Promise<KigoTokenPage> {
    return this.sessions.asUser(sub, (access) =>
      this.http.json(
        { scope, method: 'GET', path: '/wallet/tokens', route: '/wallet/tokens', query: { offset: page.offset, limit: page.limit, status: page.status }, headers: bearer(access) },
        kigoTokenPageSchema,
      ),
    );
  }

  /** Someone else's token answers token-not-found, like a missing one. */
  getToken(scope: OperationScope, sub: string, tokenId: string): Promise<KigoToken> {
    return this.sessions.asUser(sub, (access) =>
      this.http.json({ scope, method: 'GET', path: tokenPath(tokenId), route: '/wallet/tokens/:tokenId', headers: bearer(access) }, kigoTokenSchema),
    );
  }

  shareToken(scope: OperationScope, sub: string, tokenId: string): Promise<KigoShare> {
    return this.sessions.asUser(sub, (access) =>
      this.http.json({ scope, method: 'POST', path: `${tokenPath(tokenId)}/share`, route: '/wallet/tokens/:tokenId/share', headers: bearer(access) }, kigoShareSchema),
    );
  }

  async cancelShare(scope: OperationScope, sub: string, tokenId: string): Promise<KigoToken> {
    const answer = await this.sessions.asUser(sub, (access) =>
      this.http.json({ scope, method: 'DELETE', path: `${tokenPath(tokenId)}/share`, route: '/wallet/tokens/:tokenId/share', headers: bearer(access) }, kigoTokenEnvelopeSchema),
    );
    return answer.token;
  }

  /** What the code would give, without claiming it. */
  async previewClaim(scope: OperationScope, sub: string, claimCode: string): Promise<KigoToken> {
    const answer = await this.sessions.asUser(sub, (access) =>
      this.http.json({ scope, method: 'GET', path: claimPath(claimCode), route: '/claims/:claimCode', headers: bearer(access) }, kigoTokenEnvelopeSchema),
    );
    return answer.token;
  }

  async claim(scope: OperationScope, sub: string, claimCode: string): Promise<KigoToken> {
    const answer = await this.sessions.asUser(sub, (access) =>
      this.http.json({ scope, method: 'POST', path: claimPath(claimCode), route: '/claims/:claimCode', headers: bearer(access) }, kigoTokenEnvelopeSchema),
    );
    return answer.token;
  }
}

const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });
const tokenPath = (tokenId: string): string => `/wallet/tokens/${encodeURIComponent(tokenId)}`;
const claimPath = (claimCode: string): string => `/claims/${encodeURIComponent(claimCode)}`;
