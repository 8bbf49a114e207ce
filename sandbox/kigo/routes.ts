import type { NextFunction, Request, Response, Router } from 'express';
import { z } from 'zod';
import type { StrictMode } from '../strict';
import { kigoErrorHandler } from './errors';
import { bearerToken, jsonBody, parseOrThrow } from './request';
import { normalizeClaimCode } from './secrets';
import type { KigoSessions } from './sessions';
import { TOKEN_STATUSES, toClaimPreview, toWireToken } from './token';
import type { KigoWallets } from './wallets';

export const DEFAULT_PAGE_LIMIT = 20;
export const MAX_PAGE_LIMIT = 100;

const partnerAuthSchema = z.object({ api_key: z.string().min(1), partner_id: z.string().min(1) });
const userAuthSchema = z.object({ external_user_id: z.string().trim().min(1).max(200) });
const refreshSchema = z.object({ refresh_token: z.string().min(1) });

const digits = (what: string) => z.string().regex(/^\d+$/, `must be ${what}`).transform(Number);
const pageQuerySchema = z.object({
  offset: digits('a non-negative integer').default(0),
  limit: digits(`an integer from 1 to ${MAX_PAGE_LIMIT}`)
    .pipe(z.number().int().min(1).max(MAX_PAGE_LIMIT))
    .default(DEFAULT_PAGE_LIMIT),
  status: z.enum(TOKEN_STATUSES).optional(),
});

/** Express 5 params are `string | string[]`; every Kigo param is a single path segment. */
const param = (req: Request, name: string): string => String(req.params[name]);

/** The Kigo wire API on `api` (a wire router, mounted at `/kigo/api/v1`). */
export function createKigoRoutes(api: Router, sessions: KigoSessions, wallets: KigoWallets, strict: StrictMode): Router {
  /** Route middleware: a live user access token, whose user id handlers read from res.locals. */
  const requireUser = (req: Request, res: Response, next: NextFunction): void => {
    res.locals.kigoUser = sessions.userFor(bearerToken(req));
    next();
  };
  const userOf = (res: Response): string => res.locals.kigoUser as string;

  api.post('/auth/partner', (req, res) => {
    const body = parseOrThrow(partnerAuthSchema, jsonBody(req));
    res.json(sessions.openPartnerSession(body.api_key, body.partner_id));
  });

  api.post('/auth/user', (req, res) => {
    sessions.checkPartner(bearerToken(req));
    const { external_user_id: userId } = parseOrThrow(userAuthSchema, jsonBody(req));
    wallets.ensureAccount(userId);
    res.json(sessions.openUserSession(userId));
  });

  api.post('/auth/user/refresh', (req, res) => {
    const body = parseOrThrow(refreshSchema, jsonBody(req));
    res.json(sessions.refreshUserSession(body.refresh_token));
  });

  api.get('/wallet/tokens', requireUser, (req, res) => {
    const page = parseOrThrow(pageQuerySchema, req.query);
    // The status filter is our extension: strict mode sometimes answers as a Kigo without it would.
    const status = page.status !== undefined && strict.chance('kigo.statusFilterIgnored', 0.5) ? undefined : page.status;
    const { data, total } = wallets.list(userOf(res), { ...page, status });
    res.json({ data: data.map(toWireToken), total, offset: page.offset, limit: page.limit });
  });

  api.get('/wallet/tokens/:tokenId', requireUser, (req, res) => {
    res.json(toWireToken(wallets.get(userOf(res), param(req, 'tokenId'))));
  });

  api.post('/wallet/tokens/:tokenId/share', requireUser, (req, res) => {
    const { code, token } = wallets.share(userOf(res), param(req, 'tokenId'));
    res.json({ claim_code: code, expires_at: new Date(token.share!.expiresAt).toISOString(), token: toWireToken(token) });
  });

  api.delete('/wallet/tokens/:tokenId/share', requireUser, (req, res) => {
    res.json({ token: toWireToken(wallets.cancelShare(userOf(res), param(req, 'tokenId'))) });
  });

  api.get('/claims/:claimCode', requireUser, (req, res) => {
    res.json({ token: toClaimPreview(wallets.preview(claimCode(req))) });
  });

  api.post('/claims/:claimCode', requireUser, (req, res) => {
    res.json({ token: toWireToken(wallets.claim(userOf(res), claimCode(req))) });
  });

  api.use(kigoErrorHandler);
  return api;
}

function claimCode(req: Request): string {
  return normalizeClaimCode(param(req, 'claimCode'));
}
