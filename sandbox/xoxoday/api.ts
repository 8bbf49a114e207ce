/**
 * The Rewards API: one route, `POST /xoxoday/chef/v1/oauth/api`, `Authorization: Bearer <access_token>`,
 * body `{query: "plumProAPI.<mutation|query>.<op>", tag: "plumProAPI", variables: {data: {...}}}`,
 * answer `{data: {<op>: {status: 1, data: ...}}}`.
 *
 * - Auth first: no/malformed header → 401 `invalid_request`; unknown or expired token → 401
 *   `{error: "invalid_token", error_description: "invalid/expired token"}`; revoked → 401
 *   `{success: 0, error_message_id: "auth.token_error"}`.
 * - The query string must be exactly the op's (`plumProAPI.query.getBalance`, `plumProAPI.mutation.<op>`
 *   for the rest) and `tag` must be `plumProAPI`; otherwise 400 PLE10001. Op failures answer
 *   `{code, errorId, errorInfo, error}` with `code` as the HTTP status (errors.ts).
 * - Every call naming a known op is counted under the op, whatever its answer (auth failures included),
 *   because stats can't tell ops apart by path: `GET /_sandbox/xoxoday/ops`.
 */
import type { Router } from 'express';
import type { SandboxClock } from '../clock';
import { INVALID_TOKEN_BODY, PlumError, TOKEN_REVOKED_BODY, oauthError } from './errors';
import { bearerToken } from './oauth';
import type { OrderBook } from './orders';
import type { XoxodayTokens } from './tokens';
import type { VoucherCatalog } from './vouchers';

/** Calls per Rewards API op, for tests and benchmarks that assert how often the gateway asked. */
export class OpsCounter {
  private readonly counts = new Map<string, number>();

  record(op: string): void {
    this.counts.set(op, (this.counts.get(op) ?? 0) + 1);
  }

  toJSON(): { ops: Record<string, number> } {
    return { ops: Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b))) };
  }

  clear(): void {
    this.counts.clear();
  }
}

export interface RewardsDeps {
  clock: SandboxClock;
  tokens: XoxodayTokens;
  catalog: VoucherCatalog;
  orders: OrderBook;
  ops: OpsCounter;
}

type OpHandler = (data: unknown, now: number) => unknown;

function rewardsOps({ catalog, orders }: RewardsDeps): Map<string, { name: string; run: OpHandler }> {
  const table: Array<[kind: 'mutation' | 'query', name: string, run: OpHandler]> = [
    ['mutation', 'getVouchers', (data, now) => catalog.getVouchers(data, now)],
    ['mutation', 'getFilters', (data) => catalog.getFilters(data)],
    ['mutation', 'placeOrder', (data, now) => orders.placeOrder(data, now)],
    ['mutation', 'getOrderDetails', (data, now) => orders.orderDetails(data, now)],
    ['mutation', 'getOrderHistory', (data, now) => orders.orderHistory(data, now)],
    ['query', 'getBalance', () => orders.getBalance()],
  ];
  return new Map(table.map(([kind, name, run]) => [`plumProAPI.${kind}.${name}`, { name, run }]));
}

function field(body: unknown, key: string): unknown {
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[key] : undefined;
}

export function registerRewardsApi(router: Router, deps: RewardsDeps): void {
  const ops = rewardsOps(deps);

  router.post('/v1/oauth/api', (req, res) => {
    const query = field(req.body, 'query');
    const op = typeof query === 'string' ? ops.get(query) : undefined;
    if (op) deps.ops.record(op.name);

    const token = bearerToken(req);
    if (token === undefined) {
      res.status(401).json(oauthError('invalid_request', 'missing/invalid parameters authorization header'));
      return;
    }
    const check = deps.tokens.checkAccess(token);
    if (!check.ok) {
      res.status(401).json(check.reason === 'revoked' ? TOKEN_REVOKED_BODY : INVALID_TOKEN_BODY);
      return;
    }

    try {
      if (!op) throw PlumError.validation(`query: unknown operation ${typeof query === 'string' ? query : '(missing)'}`);
      if (field(req.body, 'tag') !== 'plumProAPI') throw PlumError.validation('tag: must be plumProAPI');
      const variables = field(req.body, 'variables');
      const data = variables === undefined ? {} : field(variables, 'data') ?? {};
      if (typeof data !== 'object' || data === null || Array.isArray(data)) throw PlumError.validation('variables.data: must be an object');
      res.json({ data: { [op.name]: { status: 1, data: op.run(data, deps.clock.now()) } } });
    } catch (err) {
      if (!(err instanceof PlumError)) throw err;
      res.status(err.status).json(err.body);
    }
  });
}
