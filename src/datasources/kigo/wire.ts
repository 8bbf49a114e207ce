/**
 * Kigo's wire shapes (shared/upstreams/kigo.md), parsed with zod so that an answer of an unexpected
 * shape is one clear upstream error (UPSTREAM_UNAVAILABLE, reason BAD_RESPONSE) here instead of an
 * undefined deep in a resolver. Field names are Kigo's; nothing outside src/datasources/kigo/ sees them.
 * Every string is bounded: ids and codes go into URLs, idempotency records and our own answers, and a
 * 50,000-character "id" is a broken upstream, not data. The bounds are ours [model], wide of anything
 * Kigo's docs show.
 */
import { z } from 'zod';

/** Ids, codes and credentials: printable, no spaces, bounded. */
const id = (max: number) => z.string().min(1).max(max).regex(/^[\x21-\x7e]+$/, 'expected printable characters without spaces');
const text = (max: number) => z.string().max(max);

export const KIGO_TOKEN_TYPES = ['gift_card', 'offer', 'bundle', 'merchandise'] as const;
export const KIGO_TOKEN_STATUSES = ['active', 'share_pending', 'redeemed'] as const;
export type KigoTokenType = (typeof KIGO_TOKEN_TYPES)[number];
export type KigoTokenStatus = (typeof KIGO_TOKEN_STATUSES)[number];

const isoDate = z
  .string()
  .max(64)
  .refine((s) => !Number.isNaN(Date.parse(s)), { message: 'expected an ISO date-time' });

export const kigoTokenSchema = z.object({
  token_id: id(128),
  name: text(1_000),
  description: text(10_000).nullish(),
  type: z.enum(KIGO_TOKEN_TYPES),
  media: z.object({ image_url: text(4_096).nullish() }).nullish(),
  value: z.object({ amount: text(64), currency: text(16) }).nullish(),
  expires_at: isoDate.nullish(),
  status: z.enum(KIGO_TOKEN_STATUSES),
  flags: z.object({ is_shareable: z.boolean(), is_revealable: z.boolean() }),
  /** [doc] field, [model] values (the sandbox's: share, cancel_share, reveal): passed through as Kigo names them. */
  supported_actions: z.array(text(64)).max(32).nullish(),
  share: z.object({ created_at: isoDate, expires_at: isoDate.nullish() }).nullish(),
});
export type KigoToken = z.infer<typeof kigoTokenSchema>;

export const kigoTokenPageSchema = z.object({
  data: z.array(kigoTokenSchema).max(1_000),
  total: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  limit: z.number().int().min(0).max(1_000),
});
export type KigoTokenPage = z.infer<typeof kigoTokenPageSchema>;

/** `POST /wallet/tokens/{id}/share`. */
export const kigoShareSchema = z.object({ claim_code: id(256), expires_at: isoDate.nullish(), token: kigoTokenSchema });
export type KigoShare = z.infer<typeof kigoShareSchema>;

/** `DELETE /wallet/tokens/{id}/share`, `GET|POST /claims/{code}`. */
export const kigoTokenEnvelopeSchema = z.object({ token: kigoTokenSchema });

/** `POST /auth/partner`. */
const lifetimeSeconds = z.number().positive().max(10 * 365 * 86_400);

export const kigoPartnerSessionSchema = z.object({ session_token: id(8_192), expires_in: lifetimeSeconds });
export type KigoPartnerSession = z.infer<typeof kigoPartnerSessionSchema>;

/** `POST /auth/user` and `POST /auth/user/refresh`. */
export const kigoUserSessionSchema = z.object({
  access_token: id(8_192),
  expires_in: lifetimeSeconds,
  refresh_token: id(8_192),
  refresh_expires_in: lifetimeSeconds.optional(),
});
export type KigoUserSession = z.infer<typeof kigoUserSessionSchema>;

/** Every error answer: `{error: {code, message}}` with the HTTP status. */
export const kigoErrorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string().optional() }) });
