/**
 * Kigo's HTTP API, one method per endpoint; every Kigo path and field name lives in this folder.
 *
 * Base path   `{KIGO_BASE_URL}` (e.g. `https://api.kigo.io/api/v1`; the sandbox's `/kigo/api/v1`).
 * Auth        `POST /auth/partner {api_key, partner_id}` → partner session (30 min);
 *             `POST /auth/user {external_user_id}` with the partner session → user access token (1 h)
 *             and refresh token (1 year); `POST /auth/user/refresh {refresh_token}` rotates both.
 *             Wallet and claim calls send `Authorization: Bearer <user access token>`. Sessions are
 *             kept and renewed by KigoSessions, not here.
 * Pagination  `GET /wallet/tokens?offset&limit[&status]` → `{data, total, offset, limit}`; limit 1..100;
 *             `status` is a [model] filter and `total` counts the matching tokens.
 * Errors      `{error: {code, message}}`. 401 (unauthorized | token_expired) is left as an
 *             UpstreamStatusError for the session layer to renew once; the expected 404/409 codes
 *             (KIGO_REJECTIONS) become a KigoRejection for the token service to turn into userErrors;
 *             anything else stays an upstream failure. Kigo's messages are never passed on: a claim code
 *             must not reach a log or an error, whatever the upstream puts in a message.
 * Limits      claim codes are path segments, so they are URL-encoded, never logged, and the metrics
 *             route is the template `/claims/:claimCode`.
 */
import type { z } from 'zod';
import { ErrorCode, Provider, UpstreamError } from '../../errors';
import { UpstreamStatusError, type UpstreamHttp, type UpstreamRequest } from '../http';
import {
  KIGO_REJECTIONS,
  kigoErrorBodySchema,
  kigoPartnerSessionSchema,
  kigoShareSchema,
  kigoTokenEnvelopeSchema,
  kigoTokenPageSchema,
  kigoTokenSchema,
  kigoUserSessionSchema,
  type KigoPartnerSession,
  type KigoRejectionCode,
  type KigoShare,
  type KigoToken,
  type KigoTokenPage,
  type KigoTokenStatus,
  type KigoUserSession,
} from './wire';

/** An expected "no" from Kigo (404/409 with a known code): the caller decides what the viewer sees. */
export class KigoRejection extends Error {
  constructor(readonly code: KigoRejectionCode) {
    super(`Kigo answered ${code}`);
    this.name = 'KigoRejection';
  }
}

/** True for Kigo's 401: the session used is dead and one renewal may help. */
export function isKigoAuthFailure(err: unknown): boolean {
  return err instanceof UpstreamStatusError && err.status === 401;
}

export interface KigoPartnerCredentials {
  apiKey: string;
  partnerId: string;
}

export class KigoClient {
  constructor(
    private readonly http: UpstreamHttp,
    private readonly credentials: KigoPartnerCredentials,
  ) {}

  openPartnerSession(): Promise<KigoPartnerSession> {
    const { apiKey, partnerId } = this.credentials;
    return this.call(kigoPartnerSessionSchema, { method: 'POST', path: '/auth/partner', route: '/auth/partner', body: { api_key: apiKey, partner_id: partnerId } });
  }

  /** Kigo creates the account on first use [doc]. */
  openUserSession(partnerSession: string, externalUserId: string): Promise<KigoUserSession> {
    return this.call(kigoUserSessionSchema, {
      method: 'POST',
      path: '/auth/user',
      route: '/auth/user',
      headers: bearer(partnerSession),
      body: { external_user_id: externalUserId },
    });
  }

  /** Rotation: the refresh token sent is dead once this answers. */
  refreshUserSession(refreshToken: string): Promise<KigoUserSession> {
    return this.call(kigoUserSessionSchema, { method: 'POST', path: '/auth/user/refresh', route: '/auth/user/refresh', body: { refresh_token: refreshToken } });
  }

  listTokens(accessToken: string, page: { offset: number; limit: number; status?: KigoTokenStatus }): Promise<KigoTokenPage> {
    return this.call(kigoTokenPageSchema, {
      method: 'GET',
      path: '/wallet/tokens',
      route: '/wallet/tokens',
      query: { offset: page.offset, limit: page.limit, status: page.status },
      headers: bearer(accessToken),
    });
  }

  /** Someone else's token answers token_not_found, like a missing one. */
  getToken(accessToken: string, tokenId: string): Promise<KigoToken> {
    return this.call(kigoTokenSchema, { method: 'GET', path: tokenPath(tokenId), route: '/wallet/tokens/:tokenId', headers: bearer(accessToken) });
  }

  shareToken(accessToken: string, tokenId: string): Promise<KigoShare> {
    return this.call(kigoShareSchema, { method: 'POST', path: `${tokenPath(tokenId)}/share`, route: '/wallet/tokens/:tokenId/share', headers: bearer(accessToken) });
  }

  async cancelShare(accessToken: string, tokenId: string): Promise<KigoToken> {
    const answer = await this.call(kigoTokenEnvelopeSchema, {
      method: 'DELETE',
      path: `${tokenPath(tokenId)}/share`,
      route: '/wallet/tokens/:tokenId/share',
      headers: bearer(accessToken),
    });
    return answer.token;
  }

  /** What the code would give, without claiming it. */
  async previewClaim(accessToken: string, claimCode: string): Promise<KigoToken> {
    const answer = await this.call(kigoTokenEnvelopeSchema, { method: 'GET', path: claimPath(claimCode), route: '/claims/:claimCode', headers: bearer(accessToken) });
    return answer.token;
  }

  async claim(accessToken: string, claimCode: string): Promise<KigoToken> {
    const answer = await this.call(kigoTokenEnvelopeSchema, { method: 'POST', path: claimPath(claimCode), route: '/claims/:claimCode', headers: bearer(accessToken) });
    return answer.token;
  }

  /** Sends, maps Kigo's expected rejections, and checks the answer's shape. */
  private async call<S extends z.ZodType>(schema: S, request: UpstreamRequest): Promise<z.output<S>> {
    let body: unknown;
    try {
      body = await this.http.json<unknown>(request);
    } catch (err) {
      throw rejectionOf(err) ?? err;
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      // The issues may quote upstream values (a claim code among them): name the route only.
      throw new UpstreamError(Provider.KIGO, ErrorCode.UPSTREAM_UNAVAILABLE, `Kigo answered ${request.method} ${request.route} in an unexpected shape`);
    }
    return parsed.data;
  }
}

function rejectionOf(err: unknown): KigoRejection | undefined {
  if (!(err instanceof UpstreamStatusError) || (err.status !== 404 && err.status !== 409)) return undefined;
  const parsed = kigoErrorBodySchema.safeParse(err.body);
  const code = parsed.success ? parsed.data.error.code : undefined;
  return code !== undefined && (KIGO_REJECTIONS as readonly string[]).includes(code) ? new KigoRejection(code as KigoRejectionCode) : undefined;
}

const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });
const tokenPath = (tokenId: string): string => `/wallet/tokens/${encodeURIComponent(tokenId)}`;
const claimPath = (claimCode: string): string => `/claims/${encodeURIComponent(claimCode)}`;
