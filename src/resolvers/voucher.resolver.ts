import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { requireAdmin, requireViewer } from '../auth/guards';
import type { Context } from '../context';
import { voucherLoader } from '../vouchers/loaders';
import { compileFilter } from '../vouchers/voucher-filter';
import { offsetConnection, offsetWindow } from '../schema/connection';
import { Money } from '../schema/money.type';
import { VouchersArgs } from '../schema/voucher.args';
import { Voucher, VoucherConnection } from '../schema/voucher.type';

@Resolver(() => Voucher)
export class VoucherResolver {
  @Query(() => VoucherConnection, { description: 'The Xoxoday voucher catalog.' })
  async vouchers(@Args(() => VouchersArgs) args: VouchersArgs, @Ctx() ctx: Context): Promise<InstanceType<typeof VoucherConnection>> {
    requireViewer(ctx);
    const matches = compileFilter(args.filter);
    const window = offsetWindow(ctx.services.cursors, 'Voucher', args);
    const { items, total } = await ctx.services.xoxoday.catalog.list(matches, window);
    const loader = voucherLoader(ctx);
    for (const voucher of items) loader.prime(voucher.productId, voucher);
    return offsetConnection(ctx.services.cursors, 'Voucher', items, window.offset, total);
  }

  @Query(() => Money, { description: "The company's Xoxoday balance. Admin only." })
  async voucherBalance(@Ctx() ctx: Context): Promise<Money> {
    requireAdmin(ctx);
    return ctx.services.xoxoday.orders.balance();
  }
}
