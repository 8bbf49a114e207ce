/**
 * What Klip's 4xx answers mean, for both bases (partner API and App2App), read in this one place (the
 * rejection hook of Klip's UpstreamHttp clients). Klip documents "400 bad syntax, 401 invalid or
 * expired token, each with a specific code and a message" [doc]; the field names `{code, message}`, the
 * code numbers and the `path: problem; …` message format below are our [model].
 */
import { UNRECOGNIZED, type RejectionOf, type WireFieldProblem } from '../rejection';

/** Klip's error codes the gateway acts on [model] (`HTTP status × 100 + n`). The only copy. */
export enum KlipErrorCode {
  InvalidRequest = 40000,
  InvalidCursor = 40001,
  InvalidPin = 40002,
  ContractNotOwned = 40003,
  InvalidAddress = 40004,
  MintLimitExceeded = 40005,
  InvalidCardId = 40006,
  UnknownRequestKey = 40007,
  WrongCredentials = 40100,
  InvalidToken = 40101,
  ExpiredToken = 40102,
  CardNotFound = 40400,
}

export type KlipRejectionKind =
  /** The partner login (email, password) was refused. */
  | 'login-refused'
  /** 401 on a partner call: the partner token is dead; one re-login may help. */
  | 'token-rejected'
  /** A page cursor Klip no longer accepts. */
  | 'cursor-rejected'
  | 'card-not-found'
  /** Mint: the configured PIN, or contract, is not accepted (an operator's problem). */
  | 'pin-rejected'
  | 'contract-not-owned'
  | 'mint-limit-exceeded'
  /** Fields of the request Klip refused; `fields` names them when Klip's message does. */
  | 'invalid-input'
  /** App2App: no request has this key (never issued, or forgotten). */
  | 'unknown-request-key';

const KINDS_BY_CODE: Partial<Record<number, KlipRejectionKind>> = {
  [KlipErrorCode.InvalidRequest]: 'invalid-input',
  [KlipErrorCode.InvalidAddress]: 'invalid-input',
  [KlipErrorCode.InvalidCursor]: 'cursor-rejected',
  [KlipErrorCode.InvalidPin]: 'pin-rejected',
  [KlipErrorCode.ContractNotOwned]: 'contract-not-owned',
  [KlipErrorCode.MintLimitExceeded]: 'mint-limit-exceeded',
  [KlipErrorCode.InvalidCardId]: 'card-not-found',
  [KlipErrorCode.CardNotFound]: 'card-not-found',
  [KlipErrorCode.UnknownRequestKey]: 'unknown-request-key',
};

const LOGIN_ROUTE = '/partner/auth';

export const klipRejectionOf: RejectionOf<KlipRejectionKind> = ({ status, body, route }) => {
  const { code, message } = (typeof body === 'object' && body !== null ? body : {}) as { code?: unknown; message?: unknown };
  const upstreamCode = typeof code === 'number' ? String(code) : undefined;
  if (route === LOGIN_ROUTE) return { kind: 'login-refused', upstreamCode };
  if (status === 401) return { kind: 'token-rejected', upstreamCode };
  const kind = typeof code === 'number' ? KINDS_BY_CODE[code] : undefined;
  if (kind === 'invalid-input') return { kind, upstreamCode, fields: typeof message === 'string' ? fieldProblems(message) : [] };
  return { kind: kind ?? UNRECOGNIZED, upstreamCode };
};

/**
 * `transaction.to: is required; to_address[1]: must be …` → one problem per part; a part that does not
 * name a field keeps an empty path, so callers can tell a complete reading from a partial one.
 */
function fieldProblems(message: string): WireFieldProblem[] {
  return message.split('; ').map((part) => {
    const match = /^([A-Za-z_][\w.[\]]*): (.*)$/s.exec(part);
    return match ? { path: match[1]!, problem: match[2]! } : { path: '', problem: part };
  });
}
