/**
 * Klip App2App wire shapes (`../shared/upstreams/klip.md`, App2App), checked with zod where the gateway
 * reads them. Field names are Klip's; the App2App domain maps them to its records (app2app-mapper.ts).
 */
import { z } from 'zod';

export const WIRE_A2A_TYPES = ['auth', 'send_klay', 'send_token', 'send_card', 'execute_contract', 'sign_message'] as const;
export type WireA2aType = (typeof WIRE_A2A_TYPES)[number];

export interface WirePrepareBody {
  bapp: { name: string; callback?: { success?: string; fail?: string } };
  type: WireA2aType;
  /** Absent for `auth`; snake_case field names (`card_id`) as Klip takes them. */
  transaction?: Record<string, string>;
}

export const wirePreparedSchema = z.object({ request_key: z.string().min(1), status: z.string().optional(), expiration_time: z.number() }).loose();

const resultPayload = z.union([
  z.object({ klaytn_address: z.string() }).loose(),
  z.object({ signature: z.string() }).loose(),
  z.object({ tx_hash: z.string(), status: z.string() }).loose(),
]);
export type WireResultPayload = z.infer<typeof resultPayload>;

export const wireResultSchema = z
  .object({
    request_key: z.string().optional(),
    /** Epoch seconds. */
    expiration_time: z.number(),
    status: z.enum(['prepared', 'requested', 'completed', 'canceled', 'error']),
    result: resultPayload.nullish(),
    error: z.object({ code: z.union([z.string(), z.number()]).transform(String), message: z.string().nullish() }).loose().nullish(),
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
