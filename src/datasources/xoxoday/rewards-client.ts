/**
 * Xoxoday Rewards API: ONE endpoint, `POST /v1/oauth/api` with `Authorization: Bearer <company access
 * token>` and `{query: "plumProAPI.<mutation|query>.<op>", tag: "plumProAPI", variables: {data}}`;
 * answers `{data: {<op>: {status: 1, data}}}`.
 * - Errors: `{code, errorId, errorInfo, error}` with `code` = HTTP status, named by
 *   xoxoday-rejections.ts (`invalid-denomination`, `could-not-fulfil`, …) for the domain to turn into
 *   userErrors. A 429 (getVouchers: 500 calls a day) is RATE_LIMITED through UpstreamHttp.
 * - A 4xx without an application error (`possibly-token`) may be about the token: CompanyTokenManager
 *   validates it, refreshes if needed and retries once (Xoxoday's advice). An application error body
 *   proves the token was accepted (auth is checked first), so it is not worth a validation call.
 * - Paging: getVouchers `page` from 1 and ONE filter a call [doc]; `limit` up to 100 and a short page
 *   ending the list are [model] (a smaller server cap would end the catalog sync early: fewer products,
 *   no error); `includeProducts` (comma ids) answering every listed product on page 1 is [model].
 *   Metrics label the route with the op (`/v1/oauth/api getVouchers`), never with ids.
 * - Order answers are read by meaning in wire.ts (`orderStatus`, `deliveryStatus`: [model] beyond the
 *   words the docs show); the domain sees "complete / failed / processing" and "delivered / pending".
 * Voucher codes and PINs in answers are secrets: nothing here logs an answer or puts one in an error.
 */
import type { z } from 'zod';
import { Provider } from '../../errors';
import type { OperationScope } from '../../scope';
import type { UpstreamHttp } from '../http';
import { rejectionKind } from '../rejection';
import type { CompanyGrant, CompanyTokenManager } from './company-token';
import type { XoxodayRejectionKind } from './xoxoday-rejections';
import { rewardsEnvelope, wireBalance, wireOrder, wireOrderHistoryEntry, wireProduct, type WireOrder, type WireOrderHistoryEntry, type WireProduct } from './wire';

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

  getVouchers(scope: OperationScope, input: GetVouchersInput): Promise<WireProduct[]> {
    return this.call(scope, 'mutation', 'getVouchers', wireProduct.array().max(1_000), () => input);
  }

  placeOrder(scope: OperationScope, input: PlaceOrderInput): Promise<WireOrder> {
    // Xoxoday wants an email per order; with notifyReceiverEmail 0 nobody is written to, so the
    // consenting admin's address from the grant serves ([model]: the refresh answer may not carry it,
    // then a reserved .invalid address; a Xoxoday that checks the address would refuse the order PLE10001).
    return this.call(scope, 'mutation', 'placeOrder', wireOrder, (grant) => ({
      ...input,
      email: grant.email ?? 'orders@rewardgraph.invalid',
      notifyReceiverEmail: 0,
    }));
  }

  getOrderDetails(scope: OperationScope, orderId: string): Promise<WireOrder> {
    return this.call(scope, 'mutation', 'getOrderDetails', wireOrder, () => ({ orderId }));
  }

  /** getOrderDetails by our poNumber instead of Xoxoday's orderId ([model]: the docs list `orderId` or `poNumber`). */
  getOrderDetailsByPoNumber(scope: OperationScope, poNumber: string): Promise<WireOrder> {
    return this.call(scope, 'mutation', 'getOrderDetails', wireOrder, () => ({ poNumber }));
  }

  /** One page of the company's orders placed between two UTC days (`YYYY-MM-DD`, inclusive), newest first. */
  getOrderHistory(scope: OperationScope, input: { startDate: string; endDate: string; page: number; limit: number }): Promise<WireOrderHistoryEntry[]> {
    return this.call(scope, 'mutation', 'getOrderHistory', wireOrderHistoryEntry.array().max(1_000), () => input);
  }

  getBalance(scope: OperationScope): Promise<z.infer<typeof wireBalance>> {
    return this.call(scope, 'query', 'getBalance', wireBalance, () => ({}));
  }

  /** One Rewards API call: the envelope, then the op's own `data`, each checked against its shape. */
  private call<S extends z.ZodType>(scope: OperationScope, kind: 'mutation' | 'query', op: string, schema: S, data: (grant: CompanyGrant) => object): Promise<z.output<S>> {
    const route = `/v1/oauth/api ${op}`;
    return this.tokens.withGrant(async (grant) => {
      const envelope = await this.http.json(
        {
          scope,
          method: 'POST',
          path: '/v1/oauth/api',
          route,
          headers: { authorization: `Bearer ${grant.accessToken}` },
          body: { query: `plumProAPI.${kind}.${op}`, tag: 'plumProAPI', variables: { data: data(grant) } },
        },
        rewardsEnvelope(op, schema),
      );
      return envelope.data[op]!.data as z.output<S>;
    }, isPossiblyTokenError);
  }
}

/** A 4xx without an application error body: maybe the token (expired, revoked), so worth a validation. */
function isPossiblyTokenError(err: unknown): boolean {
  return rejectionKind<XoxodayRejectionKind>(err, Provider.XOXODAY) === 'possibly-token';
}
