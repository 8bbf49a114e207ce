import { Args, Ctx, FieldResolver, Resolver, Root, UseMiddleware } from 'type-graphql';
import { requireViewer } from '../auth/guards';
import type { Context } from '../context';
import { Viewer } from '../schema/viewer.type';
import { VoucherOrdersArgs } from '../schema/voucher.args';
import { VoucherOrderConnection } from '../schema/voucher-order.type';
import { connectionField } from '../limits/cost';
import { Provider } from '../errors';
import { WithinDeadline } from '../operation/within-deadline';

@Resolver(() => Viewer)
export class ViewerVoucherOrdersResolver {
  @FieldResolver(() => VoucherOrderConnection, { description: 'The voucher orders the viewer placed, newest first, with their codes.', complexity: connectionField })
  @UseMiddleware(WithinDeadline(Provider.XOXODAY))
  voucherOrders(@Root() viewer: Viewer, @Args(() => VoucherOrdersArgs) args: VoucherOrdersArgs, @Ctx() ctx: Context): Promise<InstanceType<typeof VoucherOrderConnection>> {
    requireViewer(ctx);
    return ctx.services.vouchers.voucherOrders(ctx.scope, viewer.sub, args);
  }
}
