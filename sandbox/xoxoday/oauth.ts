/**
 * Xoxoday OAuth routes, under `/xoxoday/chef`.
 *
 * - `GET  /v1/oauth/authorize?client_id&redirect_uri&response_type=code&state` [model]: consents at once,
 *   302 to `redirect_uri?code=..&state=..`; unknown client, other response_type or a redirect_uri other
 *   than the registered one → 400 `{error, error_description}` (no redirect to an unverified URI).
 * - `POST /v1/oauth/token/company` and `/user`, JSON or form body:
 *   `authorization_code` → `{access_token, token_type: "bearer", expires_in, refresh_token, email}`;
 *   `refresh_token` → `{access_token, token_type, expires_in, refresh_token}`, the fields of the seed's
 *   example refresh answer; with the `tokenExtras` switch also `email`, `access_token_expiry` and
 *   `refresh_token_expiry` (epoch ms, strings), which the seed does not show.
 *   Missing fields → 400 `invalid_request`; other grant types → 400 `unsupported_grant_type`; bad client
 *   id/secret, unknown/used/expired code or refresh token, redirect_uri differing from the code's → 400
 *   `invalid_grant`; a revoked refresh token → 400 `{success: 0, error_message_id: "auth.token_error"}`;
 *   the 6th refresh call within 60 s → 429 `{message: "auth.request_limit_exceeded"}` (checked first).
 * - `GET  /v1/oauth/token`, `Authorization: Bearer <access>` → 200 `{access_token, token_type: "bearer",
 *   expires_in}` (seconds left); unknown/expired → 400 invalid_token; revoked → 401 auth.token_error.
 */
import type { Request, Response, Router } from 'express';
import type { ProviderContext } from '../provider';
import { INVALID_TOKEN_BODY, REFRESH_LIMITED_BODY, TOKEN_REVOKED_BODY, oauthError } from './errors';
import type { Grant, TokenKind, XoxodayTokens } from './tokens';

type XoxodayCredentials = ProviderContext['credentials']['xoxoday'];

/** Strings from a query (the 'simple' parser may give arrays) or a body; anything else is absent. */
function stringField(source: unknown, key: string): string | undefined {
  if (typeof source !== 'object' || source === null) return undefined;
  const value = (source as Record<string, unknown>)[key];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first !== '' ? first : undefined;
}

/** The token of an `Authorization: Bearer …` header; the scheme is case-insensitive as in RFC 6750. */
export function bearerToken(req: Request): string | undefined {
  const match = /^bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
  return match?.[1];
}

function grantBody(grant: Grant) {
  const { accessExpiresAt: _a, refreshExpiresAt: _r, ...body } = grant;
  return body;
}

/** The seed's refresh answer has no `email`; the extras are what xoxoday.md lists beyond the seed. */
function refreshBody(grant: Grant, extras: boolean) {
  const { email, ...body } = grantBody(grant);
  if (!extras) return body;
  return { ...body, email, access_token_expiry: String(grant.accessExpiresAt), refresh_token_expiry: String(grant.refreshExpiresAt) };
}

export interface OAuthOptions {
  /** Whether this refresh answer carries the fields beyond the seed's example (asked per answer: strict mode varies it). */
  tokenExtras: () => boolean;
}

export function registerOAuthRoutes(router: Router, tokens: XoxodayTokens, credentials: XoxodayCredentials, options: OAuthOptions): void {
  router.get('/v1/oauth/authorize', (req, res) => {
    const clientId = stringField(req.query, 'client_id');
    const redirectUri = stringField(req.query, 'redirect_uri');
    const responseType = stringField(req.query, 'response_type');
    const state = stringField(req.query, 'state');
    if (clientId !== credentials.clientId) {
      res.status(400).json(oauthError('invalid_client', 'unknown client_id'));
    } else if (redirectUri !== credentials.redirectUri) {
      res.status(400).json(oauthError('invalid_request', 'redirect_uri does not match the registered one'));
    } else if (responseType !== 'code') {
      res.status(400).json(oauthError('unsupported_response_type', 'response_type must be code'));
    } else {
      const target = new URL(redirectUri);
      target.searchParams.set('code', tokens.issueCode(clientId, redirectUri));
      if (state !== undefined) target.searchParams.set('state', state);
      res.redirect(302, target.toString());
    }
  });

  const issueToken = (kind: TokenKind) => (req: Request, res: Response) => {
    res.set('cache-control', 'no-store');
    const body: unknown = req.body;
    const grantType = stringField(body, 'grant_type');
    const clientOk = (): boolean =>
      stringField(body, 'client_id') === credentials.clientId && stringField(body, 'client_secret') === credentials.clientSecret;

    if (grantType === 'authorization_code') {
      const code = stringField(body, 'code');
      const redirectUri = stringField(body, 'redirect_uri');
      const missing = ['code', 'redirect_uri', 'client_id', 'client_secret'].filter((k) => stringField(body, k) === undefined);
      if (missing.length > 0) {
        res.status(400).json(oauthError('invalid_request', `missing ${missing.join(', ')}`));
      } else if (!clientOk()) {
        res.status(400).json(oauthError('invalid_grant', 'invalid client credentials'));
      } else {
        const grant = tokens.exchangeCode(code!, credentials.clientId, redirectUri!, kind);
        if (grant) res.json(grantBody(grant));
        else res.status(400).json(oauthError('invalid_grant', 'invalid/expired authorization code'));
      }
      return;
    }

    if (grantType === 'refresh_token') {
      // The limit counts every refresh call, good or bad, so it is checked before anything else.
      if (!tokens.takeRefreshSlot()) {
        res.status(429).json(REFRESH_LIMITED_BODY);
        return;
      }
      const refreshToken = stringField(body, 'refresh_token');
      const missing = ['refresh_token', 'client_id', 'client_secret'].filter((k) => stringField(body, k) === undefined);
      if (missing.length > 0) {
        res.status(400).json(oauthError('invalid_request', `missing ${missing.join(', ')}`));
        return;
      }
      if (!clientOk()) {
        res.status(400).json(oauthError('invalid_grant', 'invalid client credentials'));
        return;
      }
      const outcome = tokens.refreshGrant(refreshToken!, kind);
      if (outcome.ok) {
        res.json(refreshBody(outcome.grant, options.tokenExtras()));
      } else if (outcome.reason === 'revoked') {
        res.status(400).json(TOKEN_REVOKED_BODY);
      } else {
        res.status(400).json(oauthError('invalid_grant', 'invalid/expired refresh token'));
      }
      return;
    }

    res.status(400).json(oauthError('unsupported_grant_type', 'grant_type must be authorization_code or refresh_token'));
  };

  // Two routes rather than `:kind`, so the stats show which session type a client asked for.
  router.post('/v1/oauth/token/company', issueToken('company'));
  router.post('/v1/oauth/token/user', issueToken('user'));

  router.get('/v1/oauth/token', (req, res) => {
    const token = bearerToken(req);
    const check = token === undefined ? undefined : tokens.checkAccess(token);
    if (check?.ok) {
      res.json({ access_token: token, token_type: 'bearer', expires_in: check.expiresInS });
    } else if (check?.reason === 'revoked') {
      res.status(401).json(TOKEN_REVOKED_BODY);
    } else {
      res.status(400).json(INVALID_TOKEN_BODY);
    }
  });
}
