import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { requireViewer } from '../auth/guards';
import type { Context } from '../context';
import { voucherOrderLoader } from '../vouchers/loaders';
import { offsetConnection, offsetWindow } from '../schema/connection';
import { Viewer } from '../schema/viewer.type';
import { VoucherOrdersArgs } from '../schema/voucher.args';
import { VoucherOrderConnection } from '../schema/voucher-order.type';

@Resolver(() => Viewer)
export class ViewerVoucherOrdersResolver {
  @FieldResolver(() => VoucherOrderConnection)
  async voucherOrders(
    @Root() viewer: Viewer,
    @Args(() => VoucherOrdersArgs) args: VoucherOrdersArgs,
    @Ctx() ctx: Context,
  ): Promise<InstanceType<typeof VoucherOrderConnection>> {
    requireViewer(ctx);
    const window = offsetWindow(ctx.services.cursors, 'VoucherOrder', args);
    // One more than asked tells whether another page follows, without counting the viewer's orders.
    const orders = await ctx.services.xoxoday.orders.list(viewer.sub, window.offset, window.limit + 1);
    const page = orders.slice(0, window.limit);
    const loader = voucherOrderLoader(ctx, viewer.sub);
    for (const order of page) loader.prime(order.orderId, order);
    return offsetConnection(ctx.services.cursors, 'VoucherOrder', page, window.offset, window.offset + orders.length);
  }
}
