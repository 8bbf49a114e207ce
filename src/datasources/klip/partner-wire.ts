/**
 * Klip wire shapes (`../shared/upstreams/klip.md`) for the Card Minting API and the App2App card list,
 * checked with zod where the gateway reads them: an answer that does not fit is an upstream fault.
 * Field names are Klip's (snake_case); nothing outside src/datasources/klip/ and the cards domain's
 * mapper sees them.
 */
import { z } from 'zod';

/** Optional text, bounded [model]: a broken answer must not carry megabytes into a page or the cache. */
const text = (max: number) => z.string().max(max).nullish();
/**
 * Klip's opaque cursor: it goes into our own signed cursors. The list ends "when the `next_cursor` field
 * is returned empty" [doc]; what "empty" looks like is not shown, so `""`, `null` and no field at all
 * each end it [model], read here as `""`.
 */
const nextCursor = z
  .string()
  .max(4_096)
  .nullish()
  .transform((value) => value ?? '');

/** A card as both Klip listings and the card info call answer it. Times are epoch seconds. */
export const wireCardSchema = z
  .object({
    /** Decimal string (a uint256 has at most 78 digits). */
    card_id: z.string().regex(/^\d{1,78}$/, 'expected a decimal card id'),
    card_uri: text(4_096),
    owner: text(64),
    sender: text(64),
    transaction_hash: text(256),
    created_at: z.number().nullish(),
    updated_at: z.number().nullish(),
    name: text(1_000),
    description: text(20_000),
    image: text(4_096),
    attributes: z
      .array(z.object({ trait_type: z.string().max(1_000), value: z.union([z.string().max(10_000), z.number()]) }).loose())
      .max(200)
      .nullish(),
  })
  .loose();
export type WireCard = z.infer<typeof wireCardSchema>;

const quotaCount = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullish().catch(null);

/** `POST /partner/auth` answer (only the fields the gateway uses are relied on). */
export const partnerAuthSchema = z
  .object({
    access_token: z.string().min(1).max(8_192),
    contract_address: text(64),
    klaytn_address: text(64),
    // Read for partnerMintQuota only: a value that is not a count must not fail the login, so it reads as unknown.
    mint_limit: quotaCount,
    mint_count: quotaCount,
  })
  .loose();

/** `GET /wallet/bapp` answer: at most 100 cards a page over all bapps; `next_cursor` is `""` at the end (see nextCursor). */
export const bappPageSchema = z
  .object({
    bapps: z.array(z.object({ name: text(1_000), contract_address: z.string().max(64), cards: z.array(wireCardSchema).max(1_000) }).loose()).max(1_000),
    next_cursor: nextCursor,
  })
  .loose();
export type BappPage = z.infer<typeof bappPageSchema>;

/** `GET /a2a/cards` answer (App2App base): one holder's cards of one contract, 100 a page. */
export const holderCardsPageSchema = z
  .object({ name: text(1_000), symbol_img: text(4_096), cards: z.array(wireCardSchema).max(1_000), next_cursor: nextCursor })
  .loose();
export type HolderCardsPage = z.infer<typeof holderCardsPageSchema>;

/** `POST /wallet/mint` answer [model]. */
export const mintAnswerSchema = z.object({ cards: z.array(wireCardSchema).max(1_000) }).loose();

/** `POST /wallet/mint` body. The PIN must be a JSON string. */
export interface MintBody {
  pin: string;
  to_address: string[];
  contract_address: string;
  name: string;
  description?: string;
  image: string;
  sendable?: boolean;
  attributes?: Array<{ trait_type: string; value: string }>;
}
