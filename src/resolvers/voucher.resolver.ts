import { Args, Ctx, Query, Resolver, UseMiddleware } from 'type-graphql';
import { requireAdmin, requireViewer } from '../auth/guards';
import type { Context } from '../context';
import { Money } from '../schema/money.type';
import { VouchersArgs } from '../schema/voucher.args';
import { Voucher, VoucherConnection } from '../schema/voucher.type';
import { connectionField, upstreamField } from '../limits/cost';
import { Provider } from '../errors';
import { WithinDeadline } from '../operation/within-deadline';

@Resolver(() => Voucher)
export class VoucherResolver {
  @Query(() => VoucherConnection, { description: 'The Xoxoday voucher catalog.', complexity: connectionField })
  @UseMiddleware(WithinDeadline(Provider.XOXODAY))
  vouchers(@Args(() => VouchersArgs) args: VouchersArgs, @Ctx() ctx: Context): Promise<InstanceType<typeof VoucherConnection>> {
    requireViewer(ctx);
    return ctx.services.vouchers.vouchers(ctx.scope, args);
  }

  @Query(() => Money, { description: "The company's Xoxoday balance. Admin only.", complexity: upstreamField })
  @UseMiddleware(WithinDeadline(Provider.XOXODAY))
  voucherBalance(@Ctx() ctx: Context): Promise<Money> {
    requireAdmin(ctx);
    return ctx.services.vouchers.balance(ctx.scope);
  }
}
