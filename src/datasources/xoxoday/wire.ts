/**
 * Xoxoday's wire shapes (shared/upstreams/xoxoday.md), checked with zod where the gateway reads them:
 * an answer that does not fit is an upstream fault (UPSTREAM_UNAVAILABLE, reason BAD_RESPONSE), never a
 * crash deeper in. Schemas are loose (unknown fields pass) and tolerant where Xoxoday's docs are vague:
 * ids may come as numbers or strings, `countries` as codes or `{code, name}`, `categories` as an array or
 * a comma string. Every string is bounded [model]: order and product ids become keys in the store, and
 * codes and tokens are sealed and stored.
 */
import { z } from 'zod';

/** An id as Xoxoday sends it (number or string), as the string we store: printable, at most 64 characters. */
const idString = z
  .union([z.string(), z.number().int().nonnegative()])
  .transform(String)
  .pipe(z.string().min(1).max(64).regex(/^[\x21-\x7e]+$/, 'expected printable characters without spaces'));
const optionalText = z
  .string()
  .max(20_000)
  .nullish()
  .transform((v) => (v === undefined || v === null || v.trim() === '' ? null : v));
const amount = z.union([z.number().finite(), z.string().max(32).regex(/^-?\d+(\.\d+)?$/)]);
const code = (max: number) => z.string().max(max);

const country = z
  .union([z.string().max(64), z.object({ code: z.string().max(64), name: z.string().max(200).nullish() }).loose()])
  .transform((c) => (typeof c === 'string' ? { code: c, name: null } : { code: c.code, name: c.name ?? null }));

/**
 * Whether `id` looks like a Xoxoday productId: up to 12 digits, as every example and the sandbox's ids
 * [model]. Guards what is sent in `includeProducts` (a comma list) and which raw ids an order accepts;
 * a real catalog with other ids would list them (the sync takes any id `idString` allows) but could not
 * look them up by id.
 */
export function isProductId(id: string): boolean {
  return /^\d{1,12}$/.test(id);
}

/** A comma-separated list (`"10,25,50"` [doc]) or an array of the same [model]: its non-blank items, as strings. */
const commaList = (item: z.ZodType<string | number>, maxItems: number) =>
  z.union([z.string().max(10_000), z.array(item).max(maxItems)]).nullish().transform((v) =>
    (typeof v === 'string' ? v.split(',') : (v ?? []).map(String)).map((x) => x.trim()).filter((x) => x !== ''),
  );

/** `valueType` [doc: "fixed_denomination" | "open_value"]; another word is read as fixed [model]: the gateway then offers only listed denominations. */
const valueKind = code(64).transform((v): 'open' | 'fixed' => (v.toLowerCase() === 'open_value' ? 'open' : 'fixed'));
/** `deliveryType` [doc: "realtime" | "delayed"]; another word is read as realtime [model] (an order still says whether it was delivered). */
const deliveryKind = code(64).transform((v): 'delayed' | 'realtime' => (v.toLowerCase() === 'delayed' ? 'delayed' : 'realtime'));

export const wireProduct = z
  .object({
    productId: idString,
    name: z.string().max(1_000),
    description: optionalText,
    imageUrl: optionalText,
    currencyCode: code(16),
    countryCode: code(64).nullish(),
    countries: z.array(country).max(300).nullish(),
    categories: commaList(z.string().max(200), 200),
    valueType: valueKind,
    valueDenominations: commaList(amount, 1_000),
    minValue: amount.nullish(),
    maxValue: amount.nullish(),
    deliveryType: deliveryKind,
    redemptionInstructions: optionalText,
    termsAndConditionsInstructions: optionalText,
    expiryAndValidity: optionalText,
    orderQuantityLimit: z.number().nullish(),
  })
  .loose();
export type WireProduct = z.infer<typeof wireProduct>;

export const wireVoucher = z
  .object({
    voucherCode: z.string().min(1).max(512),
    pin: z
      .union([z.string().max(256), z.number()])
      .nullish()
      .transform((v) => (v === undefined || v === null || v === '' ? null : String(v))),
    validity: optionalText,
    amount: amount,
    currency: code(16),
  })
  .loose();

/**
 * What an order's `orderStatus` says. "complete" is the only word the docs show; the failure words are
 * [model]; any other word is taken as still processing (the order is shown PENDING and followed up).
 */
export type OrderOutcome = 'complete' | 'failed' | 'processing';
const COMPLETE_WORDS = new Set(['complete', 'completed', 'success']);
const FAILED_WORDS = new Set(['failed', 'cancelled', 'canceled', 'rejected']);
const orderOutcome = code(64).transform((v): OrderOutcome => {
  const word = v.toLowerCase();
  return COMPLETE_WORDS.has(word) ? 'complete' : FAILED_WORDS.has(word) ? 'failed' : 'processing';
});
/** `deliveryStatus` [doc: "pending" | "delivered"]; another word is read as not delivered yet [model], so the order keeps being followed. */
const deliveryState = code(64).transform((v): 'delivered' | 'pending' => (v.toLowerCase() === 'delivered' ? 'delivered' : 'pending'));

export const wireOrder = z
  .object({
    orderId: idString,
    poNumber: z.string().max(100).nullish(),
    vouchers: z
      .array(wireVoucher)
      .max(1_000)
      .nullish()
      .transform((v) => v ?? []),
    amountCharged: amount.nullish(),
    currencyCode: code(16).nullish(),
    orderTotal: amount,
    orderStatus: orderOutcome,
    deliveryStatus: deliveryState,
  })
  .loose();
export type WireOrder = z.infer<typeof wireOrder>;

/** A getOrderHistory entry: only what finds an order again is relied on. */
export const wireOrderHistoryEntry = z.object({ orderId: idString, poNumber: z.string().max(100).nullish() }).loose();
export type WireOrderHistoryEntry = z.infer<typeof wireOrderHistoryEntry>;

export const wireBalance = z.object({ value: amount, currency: code(16) }).loose();

/** `{data: {<op>: {status: 1, data}}}`, with the op's `data` checked against `schema`. */
export function rewardsEnvelope<S extends z.ZodType>(op: string, schema: S) {
  return z.object({ data: z.object({ [op]: z.object({ status: z.union([z.number(), z.string()]).optional(), data: schema }).loose() }).loose() }).loose();
}

/** A Rewards API application error: `{code, errorId, errorInfo, error}`. */
export const rewardsErrorBody = z.object({ errorId: z.string().regex(/^PLE\d+$/) }).loose();

/** Token endpoint answers (authorization_code and refresh_token grants). */
export const tokenAnswer = z
  .object({
    access_token: z.string().min(1).max(8_192),
    refresh_token: z.string().min(1).max(8_192),
    expires_in: z.coerce.number().positive().max(10 * 365 * 86_400),
    email: z.string().max(320).optional(),
    access_token_expiry: z.coerce.number().optional(),
    refresh_token_expiry: z.coerce.number().optional(),
  })
  .loose();
export type TokenAnswer = z.infer<typeof tokenAnswer>;
