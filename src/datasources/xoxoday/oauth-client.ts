/**
 * Xoxoday OAuth, company session (shared/upstreams/xoxoday.md, "OAuth"). Base `{XOXODAY_BASE_URL}`:
 * - `GET  /v1/oauth/authorize?client_id&redirect_uri&response_type=code&state` → 302 to
 *   `redirect_uri?code&state` once an admin consents (the sandbox consents at once). Redirects are not
 *   followed: the code is read from `Location` and the state checked.
 * - `POST /v1/oauth/token/company` `{grant_type: authorization_code | refresh_token, …, client_id,
 *   client_secret}` → `{access_token, refresh_token, expires_in, email, access_token_expiry?,
 *   refresh_token_expiry?}`. Refresh ROTATES: the refresh token sent dies at once.
 *   Only `invalid_grant` and `auth.token_error` (revoked) end a grant (xoxoday-rejections.ts says why);
 *   every other failure of a grant call — 5xx, timeouts, dropped connections, 429 or 400
 *   `auth.request_limit_exceeded`, `invalid_client` and other 4xx — is retried with exponential backoff
 *   (cockatiel, as UpstreamHttp's breaker: a library's retry, not a hand-written loop), honouring a
 *   Retry-After up to RETRY_AFTER_CAP_MS, and thrown after the last attempt with the grant kept.
 * - `GET  /v1/oauth/token` with the bearer access token → 200 (valid), 400 `invalid_token` (expired or
 *   unknown), 401 `auth.token_error` (revoked).
 * What the answers mean is read by xoxoday-rejections.ts. Grant calls are shared by every operation
 * waiting for the grant (single flight), so they run in a background scope. Nothing here logs or
 * throws a token, a code or an upstream body.
 */
import { randomBytes } from 'node:crypto';
import { DelegateBackoff, handleWhen, retry, type IRetryBackoffContext } from 'cockatiel';
import { z } from 'zod';
import { ErrorCode, Provider, UpstreamBadResponseError, UpstreamError } from '../../errors';
import { backgroundScope } from '../../scope';
import { UpstreamRateLimited, type UpstreamHttp } from '../http';
import { UpstreamRejection, rejectionKind } from '../rejection';
import type { XoxodayRejectionKind } from './xoxoday-rejections';
import { tokenAnswer, type TokenAnswer } from './wire';

export interface OAuthClientCredentials {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

/** Why Xoxoday refused a grant: `revoked` by an admin, or `invalid` (used, expired, unknown). */
export type DeadGrantReason = 'revoked' | 'invalid';

export type GrantOutcome = { ok: true; answer: TokenAnswer } | { ok: false; reason: DeadGrantReason };

export type TokenVerdict = 'valid' | 'expired' | 'revoked';

const TOKEN_PATH = '/v1/oauth/token/company';

/** Attempts of one grant call after the first (so at most 4 calls), a few seconds in all. */
const GRANT_RETRIES = 3;
const GRANT_BACKOFF_MS = 300;
/** A Retry-After longer than this is not waited out inside a call: the error goes to the caller. */
const RETRY_AFTER_CAP_MS = 5_000;

/** Token endpoint failures that say nothing about the grant: worth another try after a pause. */
function isTransientGrantFailure(err: Error): boolean {
  if (err instanceof UpstreamRateLimited) return (err.retryAfterMs ?? 0) <= RETRY_AFTER_CAP_MS;
  // A 200 we could not read may have rotated the refresh token: sending it again cannot help.
  if (err instanceof UpstreamBadResponseError || !(err instanceof UpstreamError)) return false;
  const kind = rejectionKind<XoxodayRejectionKind>(err, Provider.XOXODAY);
  return kind !== 'grant-invalid' && kind !== 'grant-revoked';
}

/** Exponential (300 ms, 600 ms, 1.2 s), or the upstream's Retry-After when it asks for longer. */
const grantBackoff = new DelegateBackoff<IRetryBackoffContext<unknown>>((context) => {
  const exponential = GRANT_BACKOFF_MS * 2 ** (context.attempt - 1);
  const error = 'error' in context.result ? context.result.error : undefined;
  const asked = error instanceof UpstreamRateLimited ? (error.retryAfterMs ?? 0) : 0;
  return Math.max(exponential, asked);
});

const grantRetry = retry(handleWhen(isTransientGrantFailure), { maxAttempts: GRANT_RETRIES, backoff: grantBackoff });

export class XoxodayOAuthClient {
  constructor(
    private readonly http: UpstreamHttp,
    private readonly credentials: OAuthClientCredentials,
  ) {}

  /**
   * The authorize step, completed by the gateway itself: only an upstream that consents without a
   * person (the sandbox) redirects at once; anything else is reported as needing XOXODAY_REFRESH_TOKEN.
   */
  async authorize(): Promise<string> {
    const state = randomBytes(16).toString('hex');
    const { clientId, redirectUri } = this.credentials;
    let location: string | undefined;
    try {
      const answer = await this.http.send<unknown>({
        scope: backgroundScope('xoxoday-authorize'),
        method: 'GET',
        path: '/v1/oauth/authorize',
        route: '/v1/oauth/authorize',
        query: { client_id: clientId, redirect_uri: redirectUri, response_type: 'code', state },
      });
      const header = answer.headers.location;
      location = answer.status >= 300 && answer.status < 400 ? (Array.isArray(header) ? header[0] : header) : undefined;
    } catch (err) {
      if (rejectionKind<XoxodayRejectionKind>(err, Provider.XOXODAY) !== undefined) {
        throw new UpstreamError(
          Provider.XOXODAY,
          ErrorCode.UPSTREAM_UNAVAILABLE,
          `Xoxoday refused the authorize request (HTTP ${(err as UpstreamRejection).status}): check XOXODAY_CLIENT_ID and XOXODAY_REDIRECT_URI`,
        );
      }
      // A page for a person to consent on (not JSON) falls through to the message below; outages don't.
      if (!(err instanceof UpstreamError) || err.status === undefined || err.status >= 429) throw err;
    }
    const target = location === undefined ? undefined : safeUrl(location);
    const code = target?.searchParams.get('code');
    if (!target || !code || target.searchParams.get('state') !== state) {
      throw new UpstreamError(
        Provider.XOXODAY,
        ErrorCode.UPSTREAM_UNAVAILABLE,
        'Xoxoday did not grant an authorization code by itself (only the sandbox consents without a person): ' +
          'complete the OAuth authorize flow once and set XOXODAY_REFRESH_TOKEN',
      );
    }
    return code;
  }

  exchangeCode(code: string): Promise<GrantOutcome> {
    const { clientId, clientSecret, redirectUri } = this.credentials;
    return this.grant({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: clientId, client_secret: clientSecret });
  }

  refresh(refreshToken: string): Promise<GrantOutcome> {
    const { clientId, clientSecret } = this.credentials;
    return this.grant({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: clientId, client_secret: clientSecret });
  }

  /** Asks Xoxoday whether an access token still works (its advice on any 4xx from the API). */
  async validate(accessToken: string): Promise<TokenVerdict> {
    const scope = backgroundScope('xoxoday-validate');
    try {
      await this.http.json({ scope, method: 'GET', path: '/v1/oauth/token', route: '/v1/oauth/token', headers: { authorization: `Bearer ${accessToken}` } }, z.unknown());
      return 'valid';
    } catch (err) {
      const kind = rejectionKind<XoxodayRejectionKind>(err, Provider.XOXODAY);
      if (kind === undefined) throw err;
      return kind === 'grant-revoked' ? 'revoked' : 'expired';
    }
  }

  private async grant(body: Record<string, string>): Promise<GrantOutcome> {
    try {
      const answer = await grantRetry.execute(() =>
        this.http.json({ scope: backgroundScope('xoxoday-grant'), method: 'POST', path: TOKEN_PATH, route: TOKEN_PATH, body }, tokenAnswer),
      );
      return { ok: true, answer };
    } catch (err) {
      const kind = rejectionKind<XoxodayRejectionKind>(err, Provider.XOXODAY);
      if (kind === 'grant-revoked') return { ok: false, reason: 'revoked' };
      if (kind === 'grant-invalid') return { ok: false, reason: 'invalid' };
      throw err;
    }
  }
}

function safeUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}
