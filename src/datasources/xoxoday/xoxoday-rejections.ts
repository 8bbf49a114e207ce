/**
 * What Xoxoday's 4xx answers mean, read in this one place (the rejection hook of Xoxoday's
 * UpstreamHttp), for its two APIs on one base URL:
 * - OAuth, token endpoint: a grant ends only when it is proven dead, by meaning, never by status alone:
 *   `{error: "invalid_grant"}` (RFC 6749 §5.2: the code or refresh token is invalid, expired, revoked or
 *   was issued to another client) and Xoxoday's `{success: 0, error_message_id: "auth.token_error"}`
 *   (tokens an admin revoked [doc]). The status they come with is [model] (the seed shows none; the
 *   sandbox answers 400), so any 4xx carrying them counts. `{message: "auth.request_limit_exceeded"}`
 *   [doc] is a rate limit whatever its status. Every other refusal — RFC 6749's `invalid_request`,
 *   `invalid_client`, `unauthorized_client`, `unsupported_grant_type`, `invalid_scope`, a body we do not
 *   know — says nothing about the grant: it is backed off and retried (oauth-client.ts), and the grant
 *   is kept. `invalid_client` in particular means OUR client credentials were refused: an operator fixes
 *   the configuration, and the refresh token, untouched, still works afterwards.
 * - OAuth, validation: `GET /v1/oauth/token` answers 400 `invalid_token` for an expired or unknown token
 *   [doc]; `auth.token_error` (revoked; 401 in the sandbox, [model] status). Any other 4xx there is read
 *   as "not valid" [model]: the only cost of being wrong is one refresh (a rotation) too many.
 * - Rewards API [doc]: `{code, errorId, errorInfo, error}` — PLE10001 validation, PLE10012 could not
 *   fulfil, PLE10018 invalid denomination, PLE10041 quantity over the limit; PLE10404 (order not found)
 *   is our [model]. A 4xx without such a body may be about the token (Xoxoday advises validating it).
 */
import { UNRECOGNIZED, type RejectionOf } from '../rejection';
import { rewardsErrorBody } from './wire';

export type XoxodayRejectionKind =
  /** Token endpoint: the code or refresh token is not accepted (used, expired, unknown). */
  | 'grant-invalid'
  /** Token endpoint or validation: an admin revoked the gateway's tokens. */
  | 'grant-revoked'
  /** Token endpoint: too many refresh calls (`auth.request_limit_exceeded`): wait and retry. */
  | 'grant-rate-limited'
  /** Token endpoint: a refusal that does not prove the grant dead (`invalid_client`, `invalid_request`, …). */
  | 'token-request-refused'
  /** Validation: the access token no longer works (expired or unknown). */
  | 'token-invalid'
  /** The authorize step was refused (client id or redirect URI). */
  | 'authorize-refused'
  | 'order-invalid'
  | 'could-not-fulfil'
  | 'invalid-denomination'
  | 'quantity-limit'
  | 'order-not-found'
  /** Another Rewards API application error (its errorId is the upstreamCode). */
  | 'application-error'
  /** A Rewards API 4xx without an application error: possibly the token; worth a validation. */
  | 'possibly-token';

const KINDS_BY_ERROR_ID: Record<string, XoxodayRejectionKind> = {
  PLE10001: 'order-invalid',
  PLE10012: 'could-not-fulfil',
  PLE10018: 'invalid-denomination',
  PLE10041: 'quantity-limit',
  PLE10404: 'order-not-found',
};

const TOKEN_ROUTE = '/v1/oauth/token/company';
const VALIDATE_ROUTE = '/v1/oauth/token';
const AUTHORIZE_ROUTE = '/v1/oauth/authorize';
const REWARDS_ROUTE = '/v1/oauth/api';

export const xoxodayRejectionOf: RejectionOf<XoxodayRejectionKind> = ({ status, body, route }) => {
  const revoked = isRevokedBody(body);
  if (route === TOKEN_ROUTE) {
    if (revoked) return { kind: 'grant-revoked', upstreamCode: 'auth.token_error' };
    const error = oauthError(body);
    if (error === INVALID_GRANT) return { kind: 'grant-invalid', upstreamCode: error };
    if (isRequestLimitBody(body)) return { kind: 'grant-rate-limited', upstreamCode: REQUEST_LIMIT };
    return { kind: 'token-request-refused', upstreamCode: error ?? `HTTP ${status}` };
  }
  if (route === VALIDATE_ROUTE) return revoked ? { kind: 'grant-revoked', upstreamCode: 'auth.token_error' } : { kind: 'token-invalid', upstreamCode: oauthError(body) };
  if (route === AUTHORIZE_ROUTE) return { kind: 'authorize-refused' };
  if (route.startsWith(REWARDS_ROUTE)) {
    const application = rewardsErrorBody.safeParse(body);
    if (!application.success) return { kind: 'possibly-token' };
    const errorId = application.data.errorId;
    return { kind: KINDS_BY_ERROR_ID[errorId] ?? 'application-error', upstreamCode: errorId };
  }
  return undefined;
};

/** RFC 6749 §5.2: the one OAuth error that says the grant itself is dead. */
const INVALID_GRANT = 'invalid_grant';
/** Xoxoday's "too many refresh calls" [doc]; documented with HTTP 429, read from the body whatever the status. */
const REQUEST_LIMIT = 'auth.request_limit_exceeded';

function isRequestLimitBody(body: unknown): boolean {
  return typeof body === 'object' && body !== null && (body as { message?: unknown }).message === REQUEST_LIMIT;
}

function isRevokedBody(body: unknown): boolean {
  return typeof body === 'object' && body !== null && (body as { error_message_id?: unknown }).error_message_id === 'auth.token_error';
}

function oauthError(body: unknown): string | undefined {
  const error = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  return typeof error === 'string' ? error.slice(0, 64) : undefined;
}
