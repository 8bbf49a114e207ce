/**
 * App2App requests and their status machine [sdk]:
 * `prepared → requested (the person opened the link) → completed | canceled | error`.
 * A key lives 300 s on the sandbox clock [model]; a request still `prepared` or `requested` when the
 * clock reaches `expiration_time` turns into `error` with `{code: "expired"}` [model] and stays so.
 * `result` exists only when `completed`: auth `{klaytn_address}`; send_klay, send_token, send_card and
 * execute_contract `{tx_hash, status}`; sign_message `{signature}`.
 */
import { randomUUID } from 'node:crypto';
import type { SandboxClock } from '../clock';
import { DEFAULT_WALLET_ADDRESS, hexDigest, REQUEST_KEY_TTL_SECONDS } from './seed';

export const A2A_TYPES = ['auth', 'send_klay', 'send_token', 'send_card', 'execute_contract', 'sign_message'] as const;
export type A2aType = (typeof A2A_TYPES)[number];
export type A2aStatus = 'prepared' | 'requested' | 'completed' | 'canceled' | 'error';
export type TxStatus = 'pending' | 'success' | 'fail';

export type A2aResult = { klaytn_address: string } | { tx_hash: string; status: TxStatus } | { signature: string };

export interface A2aRequest {
  key: string;
  type: A2aType;
  bapp: { name: string; callback?: { success?: string; fail?: string } };
  /** As validated, addresses lowercased; absent for `auth`. */
  transaction?: Record<string, string>;
  status: A2aStatus;
  expirationTime: number;
  result?: A2aResult;
  error?: { code: 'expired' | 'failed'; message: string };
  /**
   * When the result was read (`GET /a2a/result`), in real milliseconds (not the sandbox clock), the
   * newest last: how many pollers a key has, seen from the upstream's side (at most MAX_POLLS_KEPT).
   */
  polls: number[];
}

/** Result reads remembered per key: 10 minutes of one poller a second. */
export const MAX_POLLS_KEPT = 600;

/** What the person chose in the wallet; each value is generated when absent. */
export interface ApproveValues {
  klaytnAddress?: string;
  txHash?: string;
  txStatus?: TxStatus;
  signature?: string;
}

/** Why a wallet action could not apply. */
export type TransitionRefusal = 'terminal' | 'expired';

const TERMINAL: ReadonlySet<A2aStatus> = new Set(['completed', 'canceled', 'error']);

export class RequestStore {
  private readonly requests = new Map<string, A2aRequest>();

  constructor(private readonly clock: SandboxClock) {}

  prepare(input: Pick<A2aRequest, 'type' | 'bapp' | 'transaction'>): A2aRequest {
    const request: A2aRequest = {
      ...input,
      key: randomUUID(),
      status: 'prepared',
      polls: [],
      expirationTime: this.clock.nowSeconds() + REQUEST_KEY_TTL_SECONDS,
    };
    this.requests.set(request.key, request);
    return request;
  }

  /** The request as of now (expiry applied), or undefined for a key never issued. */
  get(key: string): A2aRequest | undefined {
    const request = this.requests.get(key);
    if (request) this.settleExpiry(request);
    return request;
  }

  /** Notes one read of the request's result, at `atMs`. */
  polled(request: A2aRequest, atMs: number): void {
    request.polls.push(atMs);
    if (request.polls.length > MAX_POLLS_KEPT) request.polls.splice(0, request.polls.length - MAX_POLLS_KEPT);
  }

  open(request: A2aRequest): TransitionRefusal | undefined {
    const refusal = this.refusal(request);
    if (refusal) return refusal;
    request.status = 'requested';
    return undefined;
  }

  /** Completes the request; from `prepared` it passes through `requested`, as the link must be opened first. */
  approve(request: A2aRequest, values: ApproveValues): TransitionRefusal | undefined {
    const refusal = this.open(request);
    if (refusal) return refusal;
    request.status = 'completed';
    request.result = resultFor(request, values);
    return undefined;
  }

  reject(request: A2aRequest): TransitionRefusal | undefined {
    const refusal = this.refusal(request);
    if (refusal) return refusal;
    request.status = 'canceled';
    return undefined;
  }

  fail(request: A2aRequest, message = 'the Klip wallet could not complete the request'): TransitionRefusal | undefined {
    const refusal = this.refusal(request);
    if (refusal) return refusal;
    request.status = 'error';
    request.error = { code: 'failed', message };
    return undefined;
  }

  reset(): void {
    this.requests.clear();
  }

  private refusal(request: A2aRequest): TransitionRefusal | undefined {
    if (this.settleExpiry(request)) return 'expired';
    return TERMINAL.has(request.status) ? 'terminal' : undefined;
  }

  /** Turns a live request past its expiry into the expired error; true when the request is expired. */
  private settleExpiry(request: A2aRequest): boolean {
    if (request.error?.code === 'expired') return true;
    if (TERMINAL.has(request.status) || this.clock.nowSeconds() < request.expirationTime) return false;
    request.status = 'error';
    request.error = { code: 'expired', message: `request_key expired at ${request.expirationTime} (${REQUEST_KEY_TTL_SECONDS} s after prepare)` };
    return true;
  }
}

/**
 * The result of an approved request. Defaults are derived from the request key, so they look real
 * (`0x` + 64 hex tx hash, `0x` + 130 hex signature) yet repeat for the same key.
 */
function resultFor(request: A2aRequest, values: ApproveValues): A2aResult {
  switch (request.type) {
    case 'auth':
      return { klaytn_address: (values.klaytnAddress ?? DEFAULT_WALLET_ADDRESS).toLowerCase() };
    case 'sign_message': {
      const r = hexDigest(`klip-sandbox-sig-r:${request.key}`).slice(2);
      const s = hexDigest(`klip-sandbox-sig-s:${request.key}`).slice(2);
      return { signature: values.signature ?? `0x${r}${s}1b` };
    }
    default:
      return { tx_hash: values.txHash ?? hexDigest(`klip-sandbox-tx:${request.key}`), status: values.txStatus ?? 'success' };
  }
}

/** The address the person signs with: the one named at approve, else the request's `from`, else the default wallet. */
export function signerOf(request: A2aRequest, values: ApproveValues): string {
  return (values.klaytnAddress ?? request.transaction?.['from'] ?? DEFAULT_WALLET_ADDRESS).toLowerCase();
}
