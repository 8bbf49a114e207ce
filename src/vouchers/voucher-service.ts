/**
 * The vouchers domain (Xoxoday) as resolvers see it: the catalog as a Relay connection, vouchers and
 * orders by id (per-operation DataLoaders, so any number of ids in one operation cost one catalog
 * lookup and one store read), the viewer's orders, placing an order and the company balance. The
 * catalog (voucher-catalog.ts) spares Xoxoday's quota; the orders (voucher-orders.ts) never buy twice.
 */
import DataLoader from 'dataloader';
import { offsetConnection, offsetWindow, type Connection } from '../schema/connection';
import { keyOfGlobalId } from '../schema/global-id';
import type { CursorCodec } from '../schema/cursor';
import type { Money } from '../schema/money.type';
import { PlaceVoucherOrderPayload } from '../schema/voucher-order.payload';
import type { VoucherOrder } from '../schema/voucher-order.type';
import type { VoucherOrdersArgs, VouchersArgs } from '../schema/voucher.args';
import type { PlaceVoucherOrderInput } from '../schema/voucher.input';
import type { Voucher } from '../schema/voucher.type';
import type { OperationScope } from '../scope';
import type { VoucherCatalog } from './voucher-catalog';
import { notFound } from '../errors';
import { compileFilter } from './voucher-filter';
import type { VoucherOrderEvents } from './voucher-order-events';
import type { VoucherOrders } from './voucher-orders';

export class VoucherService {
  constructor(
    private readonly catalog: VoucherCatalog,
    private readonly orders: VoucherOrders,
    private readonly cursors: CursorCodec,
    private readonly events: VoucherOrderEvents,
  ) {}

  /** The catalog, filtered and paged over the synced copy; listed vouchers prime the loader. */
  async vouchers(scope: OperationScope, args: VouchersArgs): Promise<Connection<Voucher> & { totalCount: number }> {
    const matches = compileFilter(args.filter);
    const window = offsetWindow(this.cursors, 'Voucher', args);
    const { items, total } = await this.catalog.list(matches, window);
    const loader = this.voucherLoader(scope);
    for (const voucher of items) loader.prime(voucher.productId, voucher);
    return offsetConnection(this.cursors, 'Voucher', items, window.offset, total);
  }

  /** One voucher by Xoxoday productId (an order's voucher), batched with every other id asked. */
  voucher(scope: OperationScope, productId: string): Promise<Voucher | null> {
    return this.voucherLoader(scope).load(productId);
  }

  /** node(id)/nodes(ids) for Voucher ids: anyone signed in may read the catalog. */
  async voucherNodes(scope: OperationScope, productIds: readonly string[]): Promise<Array<Voucher | null>> {
    return settle(await this.voucherLoader(scope).loadMany(productIds));
  }

  /** node(id)/nodes(ids) for VoucherOrder ids (keys: poNumbers, or order ids of older ids): the viewer's own orders, null for anyone else's. */
  async orderNodes(scope: OperationScope, keys: readonly string[]): Promise<Array<VoucherOrder | null>> {
    if (!scope.viewer) return keys.map(() => null);
    return settle(await this.orderLoader(scope, scope.viewer.id).loadMany(keys));
  }

  /** `sub`'s orders, newest first; one more than asked is read to know whether another page follows. */
  async voucherOrders(scope: OperationScope, sub: string, args: VoucherOrdersArgs): Promise<Connection<VoucherOrder> & { totalCount: number }> {
    const window = offsetWindow(this.cursors, 'VoucherOrder', args);
    const orders = await this.orders.list(scope, sub, window.offset, window.limit + 1);
    const page = orders.slice(0, window.limit);
    const loader = this.orderLoader(scope, sub);
    for (const order of page) loader.prime(keyOfGlobalId(order.id, 'VoucherOrder')!, order);
    return offsetConnection(this.cursors, 'VoucherOrder', page, window.offset, window.offset + orders.length);
  }

  async placeOrder(scope: OperationScope, sub: string, input: PlaceVoucherOrderInput): Promise<PlaceVoucherOrderPayload> {
    const result = await this.orders.place(scope, sub, input);
    return Object.assign(new PlaceVoucherOrderPayload(), result, { clientMutationId: input.clientMutationId ?? null });
  }

  /**
   * `Subscription.voucherOrder`: the viewer's order by its node id, now and at every change until it is
   * delivered; NOT_FOUND for a malformed or unknown id and for someone else's order.
   */
  async watchOrder(scope: OperationScope, sub: string, id: string): Promise<AsyncIterable<VoucherOrder>> {
    const key = keyOfGlobalId(id, 'VoucherOrder');
    if (!key) throw notFound('No voucher order with this id for this viewer');
    return this.orders.watch(scope, sub, key, this.events);
  }

  /** The company balance orders are paid from. Admin only (the resolver checks). */
  balance(scope: OperationScope): Promise<Money> {
    return this.orders.balance(scope);
  }

  private voucherLoader(scope: OperationScope): DataLoader<string, Voucher | null> {
    return scope.loader('xoxoday:voucher', () => new DataLoader<string, Voucher | null>((ids) => this.catalog.byIds(scope, ids), { maxBatchSize: 100 }));
  }

  /** `sub`'s own orders by node id key; someone else's are null. */
  private orderLoader(scope: OperationScope, sub: string): DataLoader<string, VoucherOrder | null> {
    return scope.loader(`xoxoday:voucherOrder:${sub}`, () => new DataLoader<string, VoucherOrder | null>((keys) => this.orders.byKeys(scope, sub, keys)));
  }
}

/** A failed batch fails the lookup (an upstream outage is an error, not "not found"). */
function settle<T>(values: Array<T | Error>): T[] {
  const failure = values.find((v): v is Error => v instanceof Error);
  if (failure) throw failure;
  return values as T[];
}
