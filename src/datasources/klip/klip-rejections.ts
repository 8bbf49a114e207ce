/**
 * What Klip's 4xx answers mean, for both bases (partner API and App2App), read in this one place (the
 * rejection hook of Klip's UpstreamHttp clients). Klip documents "400 bad syntax, 401 invalid or
 * expired token, each with a specific code and a message" [doc]; the field names `{code, message}`, the
 * code numbers and the `path: problem; …` message format below are our [model].
 *
 * Because the codes are guesses, the route decides wherever it can, and a code only sharpens it:
 * - any 401 on the login route is a refused login, any other 401 a dead partner token [doc: statuses];
 * - any 4xx on the card info route (`/wallet/card/:cardId`, whose only input is the id) is "no such
 *   card", whatever its code or none: a 404, a 400 with 40400/40006, a 400 with a code we never saw [model];
 * - any 400 or 404 on `/a2a/result` (its only input is the key) is "unknown request key" [model];
 * - any 400 on a card listing (its only input we did not check is Klip's own cursor) is "cursor
 *   rejected" [model];
 * - elsewhere a known code maps as KINDS_BY_CODE says; a 400 with another code (or none) whose message
 *   reads entirely as `path: problem` parts is "invalid input" naming those fields ("PIN rejected" when
 *   one is `pin`, "contract not owned" for `contract_address`), and a mint 400 whose message names
 *   `mint_limit` is "mint limit exceeded" [model: the message format];
 * - anything else is `unrecognized`: UPSTREAM_UNAVAILABLE with the status and Klip's code.
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

/** Route templates the clients call, as the rejection hook sees them. */
export const KlipRoute = {
  Login: '/partner/auth',
  Bapp: '/wallet/bapp',
  Card: '/wallet/card/:cardId',
  Mint: '/wallet/mint',
  Prepare: '/a2a/prepare',
  Result: '/a2a/result',
  HolderCards: '/a2a/cards',
} as const;

/** The route alone says what a 4xx (401 aside) means: each of these takes one input we did not check. */
function kindByRoute(route: string, status: number): KlipRejectionKind | undefined {
  if (route === KlipRoute.Card) return 'card-not-found';
  if (route === KlipRoute.Result && (status === 400 || status === 404)) return 'unknown-request-key';
  if ((route === KlipRoute.Bapp || route === KlipRoute.HolderCards) && status === 400) return 'cursor-rejected';
  return undefined;
}

export const klipRejectionOf: RejectionOf<KlipRejectionKind> = ({ status, body, route }) => {
  const { code, message } = (typeof body === 'object' && body !== null ? body : {}) as { code?: unknown; message?: unknown };
  const upstreamCode = typeof code === 'number' || typeof code === 'string' ? String(code).slice(0, 64) : undefined;
  if (route === KlipRoute.Login) return { kind: 'login-refused', upstreamCode };
  if (status === 401) return { kind: 'token-rejected', upstreamCode };
  const byRoute = kindByRoute(route, status);
  if (byRoute) return { kind: byRoute, upstreamCode };
  const kind = typeof code === 'number' ? KINDS_BY_CODE[code] : undefined;
  const fields = typeof message === 'string' ? fieldProblems(message) : [];
  if (kind === 'invalid-input') return { kind, upstreamCode, fields };
  if (kind) return { kind, upstreamCode };
  if (status !== 400) return { kind: UNRECOGNIZED, upstreamCode };
  // A code we do not know, or none: a message that names only fields still says which input was wrong,
  // and the mint's own fields say more: the PIN and the contract are the gateway's, not the person's.
  if (fields.length > 0 && fields.every((f) => f.path !== '')) {
    if (fields.some((f) => f.path === 'pin')) return { kind: 'pin-rejected', upstreamCode };
    if (fields.some((f) => f.path === 'contract_address')) return { kind: 'contract-not-owned', upstreamCode };
    return { kind: 'invalid-input', upstreamCode, fields };
  }
  if (route === KlipRoute.Mint && typeof message === 'string' && message.includes('mint_limit')) return { kind: 'mint-limit-exceeded', upstreamCode };
  return { kind: UNRECOGNIZED, upstreamCode };
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
