/**
 * Klip App2App wire shapes (`../shared/upstreams/klip.md`, App2App), checked with zod where the gateway
 * reads them: an answer that does not fit is UPSTREAM_UNAVAILABLE (reason BAD_RESPONSE), never a row
 * with a NULL or unbounded key. Field names are Klip's; the App2App domain maps them to its records
 * (app2app-mapper.ts). The `request_key` becomes our primary key and the address a viewer's link, so
 * both are held to their documented forms (a uuid, `0x` + 40 hex); other strings are bounded [model].
 */
import { z } from 'zod';

/** Klip's request keys are uuids [doc]; any printable key up to 128 characters is taken. */
const requestKey = z.string().min(1).max(128).regex(/^[\x21-\x7e]+$/, 'expected printable characters without spaces');
/** Epoch seconds that a Date can hold (a larger number would make an invalid date, then a RangeError). */
const epochSeconds = z.number().int().min(0).max(8_640_000_000_000);

export const WIRE_A2A_TYPES = ['auth', 'send_klay', 'send_token', 'send_card', 'execute_contract', 'sign_message'] as const;
export type WireA2aType = (typeof WIRE_A2A_TYPES)[number];

/**
 * Our transaction fields and Klip's names for them in `transaction` [sdk for which fields each type
 * takes; model for the names: `card_id` as the public SDKs send it]. A name wrong here shows as Klip
 * refusing the prepare (an INVALID_INPUT userError on that field) until it is changed here.
 */
export const A2A_TRANSACTION_WIRE_NAMES = {
  to: 'to',
  from: 'from',
  amount: 'amount',
  contract: 'contract',
  cardId: 'card_id',
  value: 'value',
  abi: 'abi',
  params: 'params',
  message: 'message',
} as const;
export type A2aTransactionField = keyof typeof A2A_TRANSACTION_WIRE_NAMES;

/** The transaction field a wire path Klip named in a refusal is about (`transaction.card_id` → `cardId`). */
export function transactionFieldOf(wirePath: string): A2aTransactionField | undefined {
  const [head, name] = wirePath.split('.');
  if (head !== 'transaction' || !name) return undefined;
  return (Object.keys(A2A_TRANSACTION_WIRE_NAMES) as A2aTransactionField[]).find((field) => A2A_TRANSACTION_WIRE_NAMES[field] === name);
}

export interface WirePrepareBody {
  bapp: { name: string; callback?: { success?: string; fail?: string } };
  type: WireA2aType;
  /** Absent for `auth`; snake_case field names (`card_id`) as Klip takes them. */
  transaction?: Record<string, string>;
}

export const wirePreparedSchema = z.object({ request_key: requestKey, status: z.string().max(32).optional(), expiration_time: epochSeconds }).loose();

const resultPayload = z.union([
  z.object({ klaytn_address: z.string().regex(/^0x[0-9a-fA-F]{40}$/, 'expected 0x followed by 40 hex digits') }).loose(),
  z.object({ signature: z.string().max(1_024) }).loose(),
  z.object({ tx_hash: z.string().max(256), status: z.string().max(32) }).loose(),
]);
export type WireResultPayload = z.infer<typeof resultPayload>;

export const wireResultSchema = z
  .object({
    request_key: requestKey.optional(),
    /** Epoch seconds. */
    expiration_time: epochSeconds,
    status: z.enum(['prepared', 'requested', 'completed', 'canceled', 'error']),
    result: resultPayload.nullish(),
    error: z
      .object({ code: z.union([z.string().max(64), z.number()]).transform(String), message: z.string().max(1_000).nullish() })
      .loose()
      .nullish(),
  })
  .loose();

/**
 * A request's state as Klip reports it, with our one reading of it: Klip reports an expired key as
 * `error` with code `expired` [model], which is named `expired` here.
 */
export interface A2aState {
  status: 'prepared' | 'requested' | 'completed' | 'canceled' | 'error' | 'expired';
  /** Epoch seconds. */
  expirationTime: number;
  result?: WireResultPayload;
  error?: { code: string; message: string };
}

export function a2aStateOf(wire: z.output<typeof wireResultSchema>): A2aState {
  const expired = wire.status === 'error' && wire.error?.code === 'expired';
  return {
    status: expired ? 'expired' : wire.status,
    expirationTime: wire.expiration_time,
    ...(wire.status === 'completed' && wire.result ? { result: wire.result } : {}),
    ...(wire.error ? { error: { code: wire.error.code, message: wire.error.message ?? '' } } : {}),
  };
}
