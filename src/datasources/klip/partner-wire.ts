/**
 * Klip wire types (`../shared/upstreams/klip.md`) for the Card Minting API and the App2App card list,
 * and the reading of Klip's error body `{code: <int>, message}`. Field names are Klip's (snake_case);
 * nothing outside src/datasources/klip/ and the cards domain (src/cards/) sees them.
 */
import { UpstreamStatusError } from '../http';

/** A card as both Klip listings and the card info call answer it. Times are epoch seconds. */
export interface WireCard {
  /** Decimal string. */
  card_id: string;
  card_uri?: string;
  owner?: string;
  sender?: string;
  transaction_hash?: string;
  created_at?: number;
  updated_at?: number;
  name?: string;
  description?: string;
  image?: string;
  attributes?: Array<{ trait_type: string; value: string | number }>;
}

/** `POST /partner/auth` answer (only the fields the gateway uses are relied on). */
export interface PartnerAuthAnswer {
  access_token: string;
  contract_address?: string;
  klaytn_address?: string;
  mint_limit?: number;
  mint_count?: number;
}

/** `GET /wallet/bapp` answer: at most 100 cards a page over all bapps; `next_cursor` is `""` at the end. */
export interface BappPage {
  bapps: Array<{ name?: string; contract_address: string; cards: WireCard[] }>;
  next_cursor: string;
}

/** `GET /a2a/cards` answer (App2App base): one holder's cards of one contract, 100 a page. */
export interface HolderCardsPage {
  name?: string;
  symbol_img?: string;
  cards: WireCard[];
  next_cursor: string;
}

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

/** Klip's error codes that the gateway acts on (`HTTP status × 100 + n`). */
export enum KlipErrorCode {
  InvalidRequest = 40000,
  InvalidCursor = 40001,
  InvalidPin = 40002,
  ContractNotOwned = 40003,
  InvalidAddress = 40004,
  MintLimitExceeded = 40005,
  InvalidCardId = 40006,
  WrongCredentials = 40100,
  InvalidToken = 40101,
  ExpiredToken = 40102,
  CardNotFound = 40400,
}

/** A Klip 4xx, read from UpstreamHttp's UpstreamStatusError. */
export interface KlipRejection {
  status: number;
  code?: number;
  message?: string;
}

/** The status and Klip's `{code, message}` of a 4xx answer, or undefined for any other error. */
export function klipRejection(err: unknown): KlipRejection | undefined {
  if (!(err instanceof UpstreamStatusError) || err.status === undefined) return undefined;
  const body = err.body as { code?: unknown; message?: unknown } | undefined;
  return {
    status: err.status,
    code: typeof body?.code === 'number' ? body.code : undefined,
    message: typeof body?.message === 'string' ? body.message : undefined,
  };
}
