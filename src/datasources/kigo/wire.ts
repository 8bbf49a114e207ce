/**
 * Kigo's wire shapes (shared/upstreams/kigo.md), parsed with zod so that an answer of an unexpected
 * shape is one clear upstream error here instead of an undefined deep in a resolver. Field names are
 * Kigo's; nothing outside src/datasources/kigo/ sees them.
 */
import { z } from 'zod';

export const KIGO_TOKEN_TYPES = ['gift_card', 'offer', 'bundle', 'merchandise'] as const;
export const KIGO_TOKEN_STATUSES = ['active', 'share_pending', 'redeemed'] as const;
export type KigoTokenType = (typeof KIGO_TOKEN_TYPES)[number];
export type KigoTokenStatus = (typeof KIGO_TOKEN_STATUSES)[number];

const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), { message: 'expected an ISO date-time' });

export const kigoTokenSchema = z.object({
  token_id: z.string().min(1),
  name: z.string(),
  description: z.string().nullish(),
  type: z.enum(KIGO_TOKEN_TYPES),
  media: z.object({ image_url: z.string().nullish() }).nullish(),
  value: z.object({ amount: z.string(), currency: z.string() }).nullish(),
  expires_at: isoDate.nullish(),
  status: z.enum(KIGO_TOKEN_STATUSES),
  flags: z.object({ is_shareable: z.boolean(), is_revealable: z.boolean() }),
  supported_actions: z.array(z.string()).optional(),
  share: z.object({ created_at: isoDate, expires_at: isoDate.nullish() }).nullish(),
});
export type KigoToken = z.infer<typeof kigoTokenSchema>;

export const kigoTokenPageSchema = z.object({
  data: z.array(kigoTokenSchema),
  total: z.number().int().min(0),
  offset: z.number().int().min(0),
  limit: z.number().int().min(0),
});
export type KigoTokenPage = z.infer<typeof kigoTokenPageSchema>;

/** `POST /wallet/tokens/{id}/share`. */
export const kigoShareSchema = z.object({ claim_code: z.string().min(1), expires_at: isoDate.nullish(), token: kigoTokenSchema });
export type KigoShare = z.infer<typeof kigoShareSchema>;

/** `DELETE /wallet/tokens/{id}/share`, `GET|POST /claims/{code}`. */
export const kigoTokenEnvelopeSchema = z.object({ token: kigoTokenSchema });

/** `POST /auth/partner`. */
export const kigoPartnerSessionSchema = z.object({ session_token: z.string().min(1), expires_in: z.number().positive() });
export type KigoPartnerSession = z.infer<typeof kigoPartnerSessionSchema>;

/** `POST /auth/user` and `POST /auth/user/refresh`. */
export const kigoUserSessionSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().positive(),
  refresh_token: z.string().min(1),
  refresh_expires_in: z.number().positive().optional(),
});
export type KigoUserSession = z.infer<typeof kigoUserSessionSchema>;

/** Every error answer: `{error: {code, message}}` with the HTTP status. */
export const kigoErrorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string().optional() }) });
