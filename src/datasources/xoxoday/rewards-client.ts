/**
 * Xoxoday Rewards API: ONE endpoint, `POST /v1/oauth/api` with `Authorization: Bearer <company access
 * token>` and `{query: "plumProAPI.<mutation|query>.<op>", tag: "plumProAPI", variables: {data}}`;
 * answers `{data: {<op>: {status: 1, data}}}`.
 * - Errors: `{code, errorId, errorInfo, error}` with `code` = HTTP status: 400 PLE10001 validation,
 *   404 PLE10018 denomination, 409 PLE10041 quantity, 422 PLE10012 could not fulfil (balance), 404
 *   order not found; they surface as RewardsApiError for the domain to turn into userErrors. A 429
 *   (getVouchers: 500 calls a day) is RATE_LIMITED through UpstreamHttp.
 * - Any other 4xx may be about the token: CompanyTokenManager validates it, refreshes if needed and
 *   retries once (Xoxoday's advice). An application error body proves the token was accepted (auth is
 *   checked first), so it is not worth a validation call.
 * - Paging: getVouchers `page` from 1, `limit` ≤ 100, ONE filter a call; `includeProducts` (comma ids)
 *   ignores paging. Metrics label the route with the op (`/v1/oauth/api getVouchers`), never with ids.
 * Voucher codes and PINs in answers are secrets: nothing here logs an answer or puts one in an error.
 */
import type { z } from 'zod';
import { ErrorCode, Provider, UpstreamError } from '../../errors';
import { UpstreamStatusError, type UpstreamHttp } from '../http';
import type { CompanyGrant, CompanyTokenManager } from './company-token';
import { rewardsEnvelope, rewardsErrorBody, wireBalance, wireOrder, wireProduct, type WireOrder, type WireProduct } from './wire';

/** A Rewards API application error (`errorId` such as PLE10018), with its status. */
export class RewardsApiError extends UpstreamError {
  constructor(
    status: number,
    readonly errorId: string,
  ) {
    super(Provider.XOXODAY, ErrorCode.UPSTREAM_UNAVAILABLE, `Xoxoday refused the request (${errorId})`, status);
    this.name = 'RewardsApiError';
  }
}

export const RewardsErrorId = {
  Validation: 'PLE10001',
  CouldNotFulfil: 'PLE10012',
  InvalidDenomination: 'PLE10018',
  QuantityLimit: 'PLE10041',
} as const;

export interface GetVouchersInput {
  limit?: number;
  page?: number;
  includeProducts?: string;
}

export interface PlaceOrderInput {
  productId: string;
  quantity: number;
  denomination: number;
  poNumber: string;
}

export class XoxodayRewardsClient {
  constructor(
    private readonly http: UpstreamHttp,
    private readonly tokens: CompanyTokenManager,
  ) {}

  async getVouchers(input: GetVouchersInput): Promise<WireProduct[]> {
    const data = await this.call('mutation', 'getVouchers', () => input);
    return parse(wireProduct.array(), data, 'getVouchers');
  }

  async placeOrder(input: PlaceOrderInput): Promise<WireOrder> {
    // Xoxoday wants an email per order; with notifyReceiverEmail 0 nobody is written to, so the
    // consenting admin's address from the grant serves.
    const data = await this.call('mutation', 'placeOrder', (grant) => ({
      ...input,
      email: grant.email ?? 'orders@rewardgraph.invalid',
      notifyReceiverEmail: 0,
    }));
    return parse(wireOrder, data, 'placeOrder');
  }

  async getOrderDetails(orderId: string): Promise<WireOrder> {
    return parse(wireOrder, await this.call('mutation', 'getOrderDetails', () => ({ orderId })), 'getOrderDetails');
  }

  async getBalance(): Promise<z.infer<typeof wireBalance>> {
    return parse(wireBalance, await this.call('query', 'getBalance', () => ({})), 'getBalance');
  }

  private call(kind: 'mutation' | 'query', op: string, data: (grant: CompanyGrant) => object): Promise<unknown> {
    return this.tokens.withGrant(async (grant) => {
      let body: unknown;
      try {
        body = await this.http.json<unknown>({
          method: 'POST',
          path: '/v1/oauth/api',
          route: `/v1/oauth/api ${op}`,
          headers: { authorization: `Bearer ${grant.accessToken}` },
          body: { query: `plumProAPI.${kind}.${op}`, tag: 'plumProAPI', variables: { data: data(grant) } },
        });
      } catch (err) {
        const application = err instanceof UpstreamStatusError ? rewardsErrorBody.safeParse(err.body) : undefined;
        if (err instanceof UpstreamStatusError && application?.success) {
          throw new RewardsApiError(err.status ?? 400, application.data.errorId);
        }
        throw err;
      }
      const envelope = rewardsEnvelope.safeParse(body);
      const result = envelope.success ? envelope.data.data[op] : undefined;
      if (!result) throw unexpected(op);
      return result.data;
    }, isPossiblyTokenError);
  }
}

/** A 4xx without an application error body: maybe the token (expired, revoked), so worth a validation. */
function isPossiblyTokenError(err: unknown): boolean {
  return err instanceof UpstreamStatusError && err.status !== undefined && err.status >= 400 && err.status < 500;
}

function parse<S extends z.ZodType>(schema: S, data: unknown, op: string): z.infer<S> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw unexpected(op);
  return parsed.data;
}

function unexpected(op: string): UpstreamError {
  return new UpstreamError(Provider.XOXODAY, ErrorCode.UPSTREAM_UNAVAILABLE, `Xoxoday answered ${op} with an unexpected shape`);
}
