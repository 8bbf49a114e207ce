/** Klip App2App wire types (`../shared/upstreams/klip.md`, App2App) and their mapping to the gateway's records. */
import type { App2AppObservation, App2AppOutcome } from '../../app2app/app2app-record';
import { App2AppStatus, type App2AppType, TransactionStatus } from '../../schema/app2app.enums';

export type WireA2aType = 'auth' | 'send_klay' | 'send_token' | 'send_card' | 'execute_contract' | 'sign_message';
export type WireA2aStatus = 'prepared' | 'requested' | 'completed' | 'canceled' | 'error';

export interface WirePrepareBody {
  bapp: { name: string; callback?: { success?: string; fail?: string } };
  type: WireA2aType;
  /** Absent for `auth`; snake_case field names (`card_id`) as Klip takes them. */
  transaction?: Record<string, string>;
}

export interface WirePrepared {
  request_key: string;
  status: 'prepared';
  expiration_time: number;
}

export type WireResultPayload = { klaytn_address: string } | { tx_hash: string; status: 'pending' | 'success' | 'fail' } | { signature: string };

export interface WireResult {
  request_key: string;
  /** Epoch seconds. */
  expiration_time: number;
  status: WireA2aStatus;
  result?: WireResultPayload;
  error?: { code: string; message: string };
}

/** Klip's error body on 4xx: `{code: <int>, message}` [model]. */
export interface WireError {
  code: number;
  message: string;
}

export function wireType(type: App2AppType): WireA2aType {
  return type.toLowerCase() as WireA2aType;
}

const STATUSES: Record<WireA2aStatus, App2AppStatus> = {
  prepared: App2AppStatus.PREPARED,
  requested: App2AppStatus.REQUESTED,
  completed: App2AppStatus.COMPLETED,
  canceled: App2AppStatus.CANCELED,
  error: App2AppStatus.ERROR,
};

const TX_STATUSES: Record<string, TransactionStatus> = {
  pending: TransactionStatus.PENDING,
  success: TransactionStatus.SUCCESS,
  fail: TransactionStatus.FAIL,
};

/** Klip reports an expired key as `error` with code `expired` [model]; the API names it EXPIRED. */
export function toObservation(wire: WireResult): App2AppObservation {
  const status = wire.status === 'error' && wire.error?.code === 'expired' ? App2AppStatus.EXPIRED : STATUSES[wire.status];
  if (status === undefined) throw new Error(`Klip answered an unknown App2App status "${String(wire.status).slice(0, 32)}"`);
  return {
    status,
    expiresAt: new Date(wire.expiration_time * 1000),
    ...(status === App2AppStatus.COMPLETED && wire.result ? { result: toOutcome(wire.result) } : {}),
    ...(wire.error ? { error: { code: String(wire.error.code), message: String(wire.error.message) } } : {}),
  };
}

function toOutcome(result: WireResultPayload): App2AppOutcome {
  if ('klaytn_address' in result) return { klaytnAddress: result.klaytn_address };
  if ('signature' in result) return { signature: result.signature };
  return { txHash: result.tx_hash, txStatus: TX_STATUSES[result.status] };
}
