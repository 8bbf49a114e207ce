/** Klip's App2App wire state → the gateway's observation of a request, and our types → Klip's. */
import type { A2aState, WireA2aType, WireResultPayload } from '../datasources/klip/a2a-wire';
import { App2AppStatus, TransactionStatus, type App2AppType } from '../schema/app2app.enums';
import type { App2AppObservation, App2AppOutcome } from './app2app-record';

export function wireType(type: App2AppType): WireA2aType {
  return type.toLowerCase() as WireA2aType;
}

const STATUSES: Record<A2aState['status'], App2AppStatus> = {
  prepared: App2AppStatus.PREPARED,
  requested: App2AppStatus.REQUESTED,
  completed: App2AppStatus.COMPLETED,
  canceled: App2AppStatus.CANCELED,
  error: App2AppStatus.ERROR,
  expired: App2AppStatus.EXPIRED,
};

const TX_STATUSES: Record<string, TransactionStatus> = {
  pending: TransactionStatus.PENDING,
  success: TransactionStatus.SUCCESS,
  fail: TransactionStatus.FAIL,
};

export function toObservation(state: A2aState): App2AppObservation {
  const status = STATUSES[state.status];
  return {
    status,
    expiresAt: new Date(state.expirationTime * 1000),
    ...(status === App2AppStatus.COMPLETED && state.result ? { result: toOutcome(state.result) } : {}),
    ...(state.error ? { error: state.error } : {}),
  };
}

function toOutcome(result: WireResultPayload): App2AppOutcome {
  if (typeof result.klaytn_address === 'string') return { klaytnAddress: result.klaytn_address };
  if (typeof result.signature === 'string') return { signature: result.signature };
  return { txHash: String(result.tx_hash), txStatus: TX_STATUSES[String(result.status)] };
}
