/**
 * Per-request DataLoaders for vouchers and voucher orders (never module-level: a cache shared across
 * viewers would leak orders). node/nodes, VoucherOrder.voucher and list results all go through them, so
 * any number of voucher ids asked in one operation become one catalog lookup (one includeProducts
 * call at most, per 100 ids).
 */
import DataLoader from 'dataloader';
import type { Context } from '../context';
import type { NodeLoader } from '../nodes';
import type { VoucherOrder } from '../schema/voucher-order.type';
import type { Voucher } from '../schema/voucher.type';

export function voucherLoader(ctx: Context): DataLoader<string, Voucher | null> {
  return ctx.loader('xoxoday:voucher', () => new DataLoader<string, Voucher | null>((ids) => ctx.services.xoxoday.catalog.byIds(ids), { maxBatchSize: 100 }));
}

/** The viewer's own orders by order id; someone else's are null. */
export function voucherOrderLoader(ctx: Context, viewerId: string): DataLoader<string, VoucherOrder | null> {
  return ctx.loader(`xoxoday:voucherOrder:${viewerId}`, () => new DataLoader<string, VoucherOrder | null>((ids) => ctx.services.xoxoday.orders.byIds(viewerId, ids)));
}

export const voucherNode: NodeLoader = async (ctx, keys) => settle(await voucherLoader(ctx).loadMany(keys));

export const voucherOrderNode: NodeLoader = async (ctx, keys) => (ctx.viewer ? settle(await voucherOrderLoader(ctx, ctx.viewer.id).loadMany(keys)) : keys.map(() => null));

/** A failed batch fails the lookup (an upstream outage is an error, not "not found"). */
function settle<T>(values: Array<T | Error>): T[] {
  const failure = values.find((v): v is Error => v instanceof Error);
  if (failure) throw failure;
  return values as T[];
}
