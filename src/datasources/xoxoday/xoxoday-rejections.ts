/**
 * What Xoxoday's 4xx answers mean, read in this one place (the rejection hook of Xoxoday's
 * UpstreamHttp), for its two APIs on one base URL:
 * - OAuth [doc]: the token endpoint answers 400 `{error: "invalid_grant"}` for a bad, used or expired
 *   code or refresh token, and `{success: 0, error_message_id: "auth.token_error"}` for tokens an admin
 *   revoked; `GET /v1/oauth/token` answers 400 `invalid_token` for an expired or unknown token.
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
    return status === 400 || status === 401 ? { kind: 'grant-invalid', upstreamCode: oauthError(body) } : { kind: UNRECOGNIZED, upstreamCode: oauthError(body) };
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

function isRevokedBody(body: unknown): boolean {
  return typeof body === 'object' && body !== null && (body as { error_message_id?: unknown }).error_message_id === 'auth.token_error';
}

function oauthError(body: unknown): string | undefined {
  const error = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  return typeof error === 'string' ? error.slice(0, 64) : undefined;
}
