/**
 * Xoxoday control API, mounted at `/_sandbox/xoxoday` (JSON; errors `{error: {code, message}}` like the
 * server's own control calls):
 * - `POST /tokens/expire`: every access token issued so far expires now (refresh tokens still work).
 * - `POST /tokens/revoke`: every access and refresh token issued so far answers `auth.token_error`.
 * - `POST /balance {value, currency}`: sets the company balance (currency one of the FX table's).
 * - `GET /ops` → `{ops: {getVouchers: 3, …}}`; `DELETE /ops` clears it (so does `POST /_sandbox/reset`).
 */
import { Router } from 'express';
import { z } from 'zod';
import type { OpsCounter } from './api';
import { FX_TO_USD } from './catalog';
import type { OrderBook } from './orders';
import type { XoxodayTokens } from './tokens';

const balanceInput = z
  .object({
    value: z.number().min(0),
    currency: z.string().refine((c) => c in FX_TO_USD, { message: `must be one of ${Object.keys(FX_TO_USD).join(', ')}` }),
  })
  .strict();

export function createXoxodayControl(deps: { tokens: XoxodayTokens; orders: OrderBook; ops: OpsCounter }): Router {
  const control = Router();

  control.post('/tokens/expire', (_req, res) => {
    res.json({ ok: true, expired: deps.tokens.expireAccessTokens() });
  });

  control.post('/tokens/revoke', (_req, res) => {
    res.json({ ok: true, revoked: deps.tokens.revokeAll() });
  });

  control.post('/balance', (req, res) => {
    const parsed = balanceInput.safeParse(req.body);
    if (!parsed.success) {
      const message = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
      res.status(400).json({ error: { code: 'invalid_balance', message } });
      return;
    }
    deps.orders.setBalance(parsed.data.value, parsed.data.currency);
    res.json({ ok: true, balance: deps.orders.getBalance() });
  });

  control.get('/ops', (_req, res) => {
    res.json(deps.ops.toJSON());
  });

  control.delete('/ops', (_req, res) => {
    deps.ops.clear();
    res.json({ ok: true });
  });

  return control;
}
