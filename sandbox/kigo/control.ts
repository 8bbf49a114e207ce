import { Router } from 'express';
import { z } from 'zod';
import { kigoErrorHandler } from './errors';
import { jsonBody, parseOrThrow } from './request';
import { TOKEN_TYPES, toWireToken } from './token';
import type { KigoWallets } from './wallets';

const amountSchema = z
  .union([z.string().trim(), z.number().nonnegative()])
  .transform((a) => String(a))
  .pipe(z.string().regex(/^\d+(\.\d{1,2})?$/, 'must be a non-negative amount with at most two decimals'))
  .transform((a) => Number(a).toFixed(2));

const valueSchema = z.union([
  amountSchema.transform((amount) => ({ amount, currency: 'USD' })),
  z.object({
    amount: amountSchema,
    currency: z
      .string()
      .regex(/^[A-Za-z]{3}$/, 'must be a three-letter currency code')
      .transform((c) => c.toUpperCase())
      .default('USD'),
  }),
]);

const newTokenSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    description: z.string().max(1000).optional(),
    kind: z
      .string()
      .transform((k) => k.toLowerCase())
      .pipe(z.enum(TOKEN_TYPES))
      .default('gift_card'),
    isShareable: z.boolean().default(true),
    value: valueSchema.nullable().optional(),
  })
  .strict();

const userIdSchema = z.string().trim().min(1).max(200);

/**
 * Control API at `/_sandbox/kigo`, for tests and demos:
 * - `POST /users/:userId/tokens` → 201 the new token: puts a token into a wallet;
 * - `GET /tokens/:tokenId/share` → `{token_id, claim_code}`: the live code of a pending share, as its
 *   sharer was told it (or would have been, had the answer not been lost); 404 when none is pending.
 */
export function createKigoControl(wallets: KigoWallets): Router {
  const control = Router();

  control.post('/users/:userId/tokens', (req, res) => {
    const userId = parseOrThrow(z.object({ userId: userIdSchema }), req.params).userId;
    const input = parseOrThrow(newTokenSchema, jsonBody(req));
    const token = wallets.addToken(userId, {
      name: input.name,
      description: input.description,
      type: input.kind,
      isShareable: input.isShareable,
      value: input.value ?? null,
    });
    res.status(201).json(toWireToken(token));
  });

  control.get('/tokens/:tokenId/share', (req, res) => {
    const tokenId = String(req.params['tokenId']);
    const code = wallets.pendingCode(tokenId);
    if (code === undefined) {
      res.status(404).json({ error: { code: 'share_not_pending', message: `token ${tokenId} has no pending share` } });
      return;
    }
    res.json({ token_id: tokenId, claim_code: code });
  });

  control.use(kigoErrorHandler);
  return control;
}
