/**
 * The vouchers domain (Xoxoday) as resolvers see it: the catalog as a Relay connection, vouchers and
 * orders by id (per-operation DataLoaders, so any number of ids in one operation cost one catalog
 * lookup and one store read), the viewer's orders, placing an order and the company balance. The
 * catalog (voucher-catalog.ts) spares Xoxoday's quota; the orders (voucher-orders.ts) never buy twice.
 */
import DataLoader from 'dataloader';
import { sourceConnection, type ListSource, type PagingArgsInput } from '../paging/list-source';
import { offsetSource, type OffsetPosition, type OffsetRead } from '../paging/offset-source';
import type { Connection } from '../schema/connection';
import { keyOfGlobalId } from '../schema/global-id';
import type { CursorCodec } from '../schema/cursor';
import type { Money } from '../schema/money.type';
import { PlaceVoucherOrderPayload } from '../schema/voucher-order.payload';
import type { VoucherCode, VoucherOrder } from '../schema/voucher-order.type';
import type { VouchersArgs } from '../schema/voucher.args';
import type { PlaceVoucherOrderInput } from '../schema/voucher.input';
import type { Voucher } from '../schema/voucher.type';
import type { OperationScope } from '../scope';
import type { VoucherCatalog } from './voucher-catalog';
import { notFound } from '../errors';
import { compileFilter } from './voucher-filter';
import { voucherCodeSource, type CodePosition } from './voucher-code-source';
import type { VoucherOrderEvents } from './voucher-order-events';
import { parseVoucherCodeKey } from './voucher-order-mapper';
import type { VoucherOrders } from './voucher-orders';

export class VoucherService {
  constructor(
    private readonly catalog: VoucherCatalog,
    private readonly orders: VoucherOrders,
    private readonly cursors: CursorCodec,
    private readonly events: VoucherOrderEvents,
  ) {}

  /** The catalog, filtered and paged over the synced copy (both ways); listed vouchers prime the loader. */
  async vouchers(scope: OperationScope, args: VouchersArgs): Promise<Connection<Voucher> & { totalCount: number }> {
    const matches = compileFilter(args.filter);
    const loader = this.voucherLoader(scope);
    const source = offsetSource(async (offset, limit) => {
      const page = await this.catalog.list(matches, { offset, limit });
      for (const voucher of page.items) loader.prime(voucher.productId, voucher);
      return page;
    });
    const connection = await sourceConnection(this.cursors, 'Voucher', source, args);
    return { ...connection, totalCount: connection.total ?? 0 };
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

  /** `sub`'s orders, newest first, both ways. */
  async voucherOrders(scope: OperationScope, sub: string, args: PagingArgsInput): Promise<Connection<VoucherOrder>> {
    return sourceConnection(this.cursors, 'VoucherOrder', this.orderSource(scope, sub), args);
  }

  /** The codes of `sub`'s orders as a list (for `viewer.assets`): orders newest first, codes in order. */
  codeSource(scope: OperationScope, sub: string): ListSource<VoucherCode, CodePosition> {
    const read = this.orderRead(scope, sub);
    return voucherCodeSource(async (offset, limit) => (limit === 0 ? { items: [], total: await this.orders.count(sub) } : read(offset, limit)));
  }

  /** node(id)/nodes(ids) for VoucherCode ids (`<poNumber>:<index>`): codes of the viewer's own orders, null for anyone else's. */
  async codeNodes(scope: OperationScope, keys: readonly string[]): Promise<Array<VoucherCode | null>> {
    if (!scope.viewer) return keys.map(() => null);
    const parsed = keys.map(parseVoucherCodeKey);
    const orders = settle(await this.orderLoader(scope, scope.viewer.id).loadMany(parsed.map((key) => key?.poNumber ?? '')));
    return parsed.map((key, i) => (key ? (orders[i]?.codes[key.index] ?? null) : null));
  }

  /** `sub`'s orders as a list, newest first; what is read primes the order loader. */
  private orderSource(scope: OperationScope, sub: string): ListSource<VoucherOrder, OffsetPosition> {
    return offsetSource(this.orderRead(scope, sub));
  }

  /** Reads `sub`'s orders by offset, newest first, priming the order loader (the orders list and the codes list both read so). */
  private orderRead(scope: OperationScope, sub: string): OffsetRead<VoucherOrder> {
    const loader = this.orderLoader(scope, sub);
    return async (offset, limit) => {
      const { items, total } = await this.orders.list(scope, sub, offset, limit);
      for (const order of items) loader.prime(keyOfGlobalId(order.id, 'VoucherOrder')!, order);
      return { items, total };
    };
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
