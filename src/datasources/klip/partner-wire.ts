/**
 * Klip wire shapes (`../shared/upstreams/klip.md`) for the Card Minting API and the App2App card list,
 * checked with zod where the gateway reads them: an answer that does not fit is an upstream fault.
 * Field names are Klip's (snake_case); nothing outside src/datasources/klip/ and the cards domain's
 * mapper sees them.
 */
import { z } from 'zod';

/** A card as both Klip listings and the card info call answer it. Times are epoch seconds. */
export const wireCardSchema = z
  .object({
    /** Decimal string. */
    card_id: z.string().min(1),
    card_uri: z.string().nullish(),
    owner: z.string().nullish(),
    sender: z.string().nullish(),
    transaction_hash: z.string().nullish(),
    created_at: z.number().nullish(),
    updated_at: z.number().nullish(),
    name: z.string().nullish(),
    description: z.string().nullish(),
    image: z.string().nullish(),
    attributes: z.array(z.object({ trait_type: z.string(), value: z.union([z.string(), z.number()]) }).loose()).nullish(),
  })
  .loose();
export type WireCard = z.infer<typeof wireCardSchema>;

/** `POST /partner/auth` answer (only the fields the gateway uses are relied on). */
export const partnerAuthSchema = z
  .object({
    access_token: z.string().min(1),
    contract_address: z.string().nullish(),
    klaytn_address: z.string().nullish(),
    mint_limit: z.number().nullish(),
    mint_count: z.number().nullish(),
  })
  .loose();

/** `GET /wallet/bapp` answer: at most 100 cards a page over all bapps; `next_cursor` is `""` at the end. */
export const bappPageSchema = z
  .object({
    bapps: z.array(z.object({ name: z.string().nullish(), contract_address: z.string(), cards: z.array(wireCardSchema) }).loose()),
    next_cursor: z.string(),
  })
  .loose();
export type BappPage = z.infer<typeof bappPageSchema>;

/** `GET /a2a/cards` answer (App2App base): one holder's cards of one contract, 100 a page. */
export const holderCardsPageSchema = z
  .object({ name: z.string().nullish(), symbol_img: z.string().nullish(), cards: z.array(wireCardSchema), next_cursor: z.string() })
  .loose();
export type HolderCardsPage = z.infer<typeof holderCardsPageSchema>;

/** `POST /wallet/mint` answer [model]. */
export const mintAnswerSchema = z.object({ cards: z.array(wireCardSchema) }).loose();

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
