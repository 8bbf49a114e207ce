/**
 * Xoxoday's wire shapes (shared/upstreams/xoxoday.md), checked with zod where the gateway reads them:
 * an answer that does not fit is an upstream fault (UPSTREAM_UNAVAILABLE), never a crash deeper in.
 * Schemas are loose (unknown fields pass) and tolerant where Xoxoday's docs are vague: ids may come as
 * numbers or strings, `countries` as codes or `{code, name}`, `categories` as an array or a comma string.
 */
import { z } from 'zod';

const idString = z.union([z.string(), z.number()]).transform(String);
const optionalText = z.string().nullish().transform((v) => (v === undefined || v === null || v.trim() === '' ? null : v));
const amount = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/)]);

const country = z
  .union([z.string(), z.object({ code: z.string(), name: z.string().nullish() }).loose()])
  .transform((c) => (typeof c === 'string' ? { code: c, name: null } : { code: c.code, name: c.name ?? null }));

export const wireProduct = z
  .object({
    productId: idString,
    name: z.string(),
    description: optionalText,
    imageUrl: optionalText,
    currencyCode: z.string(),
    countryCode: z.string().nullish(),
    countries: z.array(country).nullish(),
    categories: z.union([z.array(z.string()), z.string()]).nullish(),
    valueType: z.string(),
    valueDenominations: z.union([z.string(), z.array(amount)]).nullish(),
    minValue: amount.nullish(),
    maxValue: amount.nullish(),
    deliveryType: z.string(),
    redemptionInstructions: optionalText,
    termsAndConditionsInstructions: optionalText,
    expiryAndValidity: optionalText,
    orderQuantityLimit: z.number().nullish(),
  })
  .loose();
export type WireProduct = z.infer<typeof wireProduct>;

export const wireVoucher = z
  .object({
    voucherCode: z.string(),
    pin: z.union([z.string(), z.number()]).nullish().transform((v) => (v === undefined || v === null || v === '' ? null : String(v))),
    validity: optionalText,
    amount: amount,
    currency: z.string(),
  })
  .loose();

export const wireOrder = z
  .object({
    orderId: idString,
    poNumber: z.string().nullish(),
    vouchers: z.array(wireVoucher).nullish().transform((v) => v ?? []),
    amountCharged: amount.nullish(),
    currencyCode: z.string().nullish(),
    orderTotal: amount,
    orderStatus: z.string(),
    deliveryStatus: z.string(),
  })
  .loose();
export type WireOrder = z.infer<typeof wireOrder>;

/** A getOrderHistory entry: only what finds an order again is relied on. */
export const wireOrderHistoryEntry = z.object({ orderId: idString, poNumber: z.string().nullish() }).loose();
export type WireOrderHistoryEntry = z.infer<typeof wireOrderHistoryEntry>;

export const wireBalance = z.object({ value: amount, currency: z.string() }).loose();

/** `{data: {<op>: {status: 1, data}}}`, with the op's `data` checked against `schema`. */
export function rewardsEnvelope<S extends z.ZodType>(op: string, schema: S) {
  return z.object({ data: z.object({ [op]: z.object({ status: z.union([z.number(), z.string()]).optional(), data: schema }).loose() }).loose() }).loose();
}

/** A Rewards API application error: `{code, errorId, errorInfo, error}`. */
export const rewardsErrorBody = z.object({ errorId: z.string().regex(/^PLE\d+$/) }).loose();

/** Token endpoint answers (authorization_code and refresh_token grants). */
export const tokenAnswer = z
  .object({
    access_token: z.string().min(1),
    refresh_token: z.string().min(1),
    expires_in: z.coerce.number().positive(),
    email: z.string().optional(),
    access_token_expiry: z.coerce.number().optional(),
    refresh_token_expiry: z.coerce.number().optional(),
  })
  .loose();
export type TokenAnswer = z.infer<typeof tokenAnswer>;
