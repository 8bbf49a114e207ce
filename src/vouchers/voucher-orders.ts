/**
 * Voucher orders that never buy twice.
 * - `poNumber` = `rg-` + 32 hex of sha256(viewer, idempotencyKey): the same viewer's same key always
 *   names the same order, another viewer's same key never does.
 * - Locally, IdempotencyStore runs the purchase at most once per poNumber (across instances: the store
 *   decides) and answers every repeat, sequential or concurrent, with the same order id. A refusal
 *   (userError) or a failure is not remembered: the next try may act.
 * - An attempt that takes over from one that failed or died (its answer lost, its gateway killed) first
 *   asks Xoxoday whether the order exists (XoxodayOrderLookup: by poNumber, then the order history) and
 *   records it if so; only when neither finds it is placeOrder sent again, with the same poNumber.
 *   Xoxoday answering a reused poNumber with the first order ([model]) is then a last guard, not the
 *   only one.
 * - The same key with a different voucher, denomination or quantity is INVALID_INPUT, not the first
 *   order: a client reusing keys by mistake should hear about it rather than receive another purchase.
 * - Orders are recorded with their owner and the Xoxoday account that placed them, and known by their
 *   poNumber (Xoxoday's order ids repeat across accounts); reads always name the owner. A pending
 *   (delayed) order is refreshed when its owner reads it later (pending-orders.ts) and followed up in
 *   the background (delivery-follower.ts), so codes appear once Xoxoday delivers; the placing call
 *   shows placeOrder's own answer.
 */
import { createHash } from 'node:crypto';
import type { XoxodayOrderLookup } from '../datasources/xoxoday/order-lookup';
import type { XoxodayRewardsClient } from '../datasources/xoxoday/rewards-client';
import { isProductId, type WireOrder } from '../datasources/xoxoday/wire';
import { Provider, notFound } from '../errors';
import { runIdempotent } from '../idempotency';
import type { Logger } from '../observability/logger';
import { keyOfGlobalId } from '../schema/global-id';
import { Money } from '../schema/money.type';
import { UserError, UserErrorCode } from '../schema/user-error.type';
import type { VoucherOrder } from '../schema/voucher-order.type';
import type { PlaceVoucherOrderInput } from '../schema/voucher.input';
import type { OperationScope } from '../scope';
import type { IdempotencyStore } from '../store/idempotency-store';
import { decimalAmount, parseDenomination } from './money';
import type { VoucherCatalog } from './voucher-catalog';
import type { PendingOrders } from './pending-orders';
import type { VoucherOrderEvents } from './voucher-order-events';
import { recordFromWire, userErrorOf, voucherOrderOf } from './voucher-order-mapper';
import type { VoucherOrderRecord, VoucherOrderStore } from './voucher-order-store';

export interface VoucherOrdersOptions {
  rewards: XoxodayRewardsClient;
  lookup: XoxodayOrderLookup;
  /** The Xoxoday account this gateway orders from (datasources/account.ts). */
  account: string;
  catalog: VoucherCatalog;
  orders: VoucherOrderStore;
  idempotency: IdempotencyStore;
  logger: Logger;
  /** Brings pending orders up to date when their owner reads them (and announces the change). */
  pending: PendingOrders;
}

export interface PlaceOrderResult {
  order: VoucherOrder | null;
  userErrors: UserError[];
}

interface OrderRequest {
  productId: string;
  denomination: string;
  quantity: number;
}

const MAX_KEY_LENGTH = 200;

/** A refusal inside the idempotent action: thrown so the claim is released, then answered as a userError. */
class OrderRefused extends Error {
  constructor(readonly userError: UserError) {
    super(userError.message);
  }
}

/** Our poNumbers, as opposed to Xoxoday order ids (digits) in node ids made before. */
function isPoNumber(key: string): boolean {
  return key.startsWith('rg-');
}

export function poNumberOf(viewerId: string, idempotencyKey: string): string {
  return `rg-${createHash('sha256').update(JSON.stringify([viewerId, idempotencyKey])).digest('hex').slice(0, 32)}`;
}

const KEY_REUSE = {
  mutation: 'placeVoucherOrder',
  keyField: 'idempotencyKey',
  requestNoun: 'order (voucher, denomination or quantity)',
  provider: Provider.XOXODAY,
} as const;

function keyReused(): UserError {
  const message = `This idempotencyKey was already used for a different ${KEY_REUSE.requestNoun}; use a new one`;
  return UserError.of(UserErrorCode.INVALID_INPUT, message, ['input', 'idempotencyKey']);
}

export class VoucherOrders {
  private readonly pending: PendingOrders;

  constructor(private readonly options: VoucherOrdersOptions) {
    this.pending = options.pending;
  }

  async place(scope: OperationScope, viewerId: string, input: PlaceVoucherOrderInput): Promise<PlaceOrderResult> {
    const checked = checkInput(input);
    if ('userErrors' in checked) return { order: null, userErrors: checked.userErrors };
    const { request, key } = checked;
    const poNumber = poNumberOf(viewerId, key);

    // The order this call placed, as Xoxoday just answered it: not read back, not asked about again.
    let placedNow: VoucherOrderRecord | undefined;
    try {
      const result = await runIdempotent(
        this.options.idempotency,
        {
          scope: 'xoxoday:placeOrder',
          key: poNumber,
          // Kept from the first attempt on, even one that failed: after a lost answer Xoxoday returns the
          // first order for this poNumber, which must not be recorded as an order for another request.
          fingerprint: JSON.stringify([request.productId, request.denomination, request.quantity]),
        },
        KEY_REUSE,
        async (attempt) => {
          // Recorded by an earlier run whose idempotency record was lost: answer from the store.
          const recorded = await this.options.orders.byPoNumber(viewerId, poNumber);
          if (recorded) return { orderId: recorded.orderId };
          // An earlier attempt may have bought it before its answer was lost: find it before buying.
          const found = attempt.takeover ? await this.options.lookup.byPoNumber(scope, poNumber, attempt.firstClaimedAt) : undefined;
          placedNow = await this.purchase(scope, viewerId, poNumber, request, found);
          return { orderId: placedNow.orderId };
        },
      );
      if (!result.ok) return { order: null, userErrors: [result.userError] };
    } catch (err) {
      if (err instanceof OrderRefused) return { order: null, userErrors: [err.userError] };
      throw err;
    }
    if (placedNow) return { order: voucherOrderOf(placedNow), userErrors: [] };
    const record = await this.options.orders.byPoNumber(viewerId, poNumber);
    if (!record) throw new Error('a placed voucher order is missing from the store');
    // An order recovered from the store (its idempotency record was lost) is checked against the request here.
    if (record.productId !== request.productId || record.denomination !== request.denomination || record.quantity !== request.quantity) {
      return { order: null, userErrors: [keyReused()] };
    }
    const [fresh] = await this.pending.refresh(scope, [record]);
    return { order: voucherOrderOf(fresh!), userErrors: [] };
  }

  /** The viewer's orders, newest first, from `offset`, and how many they placed in all. */
  async list(scope: OperationScope, viewerId: string, offset: number, limit: number): Promise<{ items: VoucherOrder[]; total: number }> {
    const [records, total] = await Promise.all([this.options.orders.list(viewerId, offset, limit), this.options.orders.count(viewerId)]);
    return { items: (await this.pending.refresh(scope, records)).map(voucherOrderOf), total };
  }

  /** How many orders the viewer placed. */
  count(viewerId: string): Promise<number> {
    return this.options.orders.count(viewerId);
  }

  /**
   * The viewer's orders by the key of their node id — the poNumber, or for ids made before orders were
   * known by it, Xoxoday's order id (this account's order first) — null for keys that are not the viewer's.
   */
  async byKeys(scope: OperationScope, viewerId: string, keys: readonly string[]): Promise<Array<VoucherOrder | null>> {
    const byPoNumber = await this.options.orders.byPoNumbers(viewerId, keys.filter(isPoNumber));
    const byOrderId = await this.options.orders.byOrderIds(viewerId, this.options.account, keys.filter((k) => !isPoNumber(k)));
    const found = keys.map((key) => (isPoNumber(key) ? byPoNumber.get(key) : byOrderId.get(key)));
    const fresh = new Map((await this.pending.refresh(scope, found.filter((r) => r !== undefined))).map((r) => [r.poNumber, r]));
    return found.map((record) => {
      const current = record && fresh.get(record.poNumber);
      return current ? voucherOrderOf(current) : null;
    });
  }

  /**
   * The viewer's order with node-id key `key`, now and then at every change until it is delivered (or
   * failed); NOT_FOUND for an unknown key and for someone else's order.
   */
  async watch(scope: OperationScope, viewerId: string, key: string, events: VoucherOrderEvents): Promise<AsyncIterable<VoucherOrder>> {
    const [current] = await this.byKeys(scope, viewerId, [key]);
    if (!current) throw notFound('No voucher order with this id for this viewer');
    const poNumber = keyOfGlobalId(current.id, 'VoucherOrder')!;
    // The order as just stored (a pending one was asked about at Xoxoday above), then what the store learns.
    return events.stream(poNumber, () => this.options.orders.byPoNumber(viewerId, poNumber), voucherOrderOf);
  }

  /** The company balance orders are paid from. */
  async balance(scope: OperationScope): Promise<Money> {
    const balance = await this.options.rewards.getBalance(scope);
    return Money.of(decimalAmount(balance.value), balance.currency);
  }

  /**
   * Buys the order — or records `found`, the one an earlier attempt bought — with its owner; run once
   * per poNumber (IdempotencyStore).
   */
  private async purchase(scope: OperationScope, ownerId: string, poNumber: string, request: OrderRequest, found?: WireOrder): Promise<VoucherOrderRecord> {
    const [voucher] = await this.options.catalog.byIds(scope, [request.productId]);
    if (!voucher) throw new OrderRefused(UserError.of(UserErrorCode.INVALID_INPUT, 'No such voucher in the Xoxoday catalog', ['input', 'voucherId']));
    let wire = found;
    if (!wire) {
      try {
        wire = await this.options.rewards.placeOrder(scope, { productId: request.productId, quantity: request.quantity, denomination: Number(request.denomination), poNumber });
      } catch (err) {
        const userError = userErrorOf(err, request);
        if (userError) throw new OrderRefused(userError);
        throw err;
      }
    }
    const record = recordFromWire(wire, { account: this.options.account, ownerId, poNumber, ...request, currency: voucher.currency, placedAt: new Date() });
    await this.options.orders.insert(record);
    // Logged without codes: the order id and status are all an operator needs to trace it.
    const event = found ? 'voucher order found by its poNumber after a lost answer; not placed again' : 'voucher order placed';
    this.options.logger.info({ provider: 'XOXODAY', orderId: record.orderId, status: record.status, deliveryStatus: record.deliveryStatus }, event);
    return record;
  }
}

function checkInput(input: PlaceVoucherOrderInput): { request: OrderRequest; key: string } | { userErrors: UserError[] } {
  const userErrors: UserError[] = [];
  const productId = keyOfGlobalId(input.voucherId, 'Voucher') ?? (isProductId(input.voucherId.trim()) ? input.voucherId.trim() : undefined);
  if (!productId) userErrors.push(UserError.of(UserErrorCode.INVALID_INPUT, 'voucherId must be a Voucher id (or a Xoxoday productId)', ['input', 'voucherId']));
  const denomination = parseDenomination(input.denomination);
  if (!denomination) {
    userErrors.push(UserError.of(UserErrorCode.INVALID_DENOMINATION, 'denomination must be a positive decimal string with at most two decimals, such as "25.00"', ['input', 'denomination']));
  }
  if (!Number.isInteger(input.quantity) || input.quantity < 1) userErrors.push(UserError.of(UserErrorCode.INVALID_INPUT, 'quantity must be 1 or more', ['input', 'quantity']));
  const key = input.idempotencyKey.trim();
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) {
    userErrors.push(UserError.of(UserErrorCode.INVALID_INPUT, `idempotencyKey must be 1 to ${MAX_KEY_LENGTH} characters`, ['input', 'idempotencyKey']));
  }
  if (userErrors.length > 0) return { userErrors };
  return { request: { productId: productId!, denomination: denomination!, quantity: input.quantity }, key };
}
