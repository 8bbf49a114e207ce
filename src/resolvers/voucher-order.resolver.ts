import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root, UseMiddleware } from 'type-graphql';
import { requireViewer } from '../auth/guards';
import type { Context } from '../context';
import { PlaceVoucherOrderPayload } from '../schema/voucher-order.payload';
import { VoucherOrder } from '../schema/voucher-order.type';
import { PlaceVoucherOrderInput } from '../schema/voucher.input';
import { Voucher } from '../schema/voucher.type';
import { upstreamField } from '../limits/cost';
import { Provider } from '../errors';
import { WithinDeadline } from '../operation/within-deadline';

@Resolver(() => VoucherOrder)
export class VoucherOrderResolver {
  @Mutation(() => PlaceVoucherOrderPayload, {
    description:
      "Buys vouchers at Xoxoday, paid from the company's balance; the codes belong to the viewer. The same idempotencyKey never buys twice: it answers the first order.",
    complexity: upstreamField,
  })
  @UseMiddleware(WithinDeadline(Provider.XOXODAY))
  placeVoucherOrder(@Arg('input', () => PlaceVoucherOrderInput, { description: 'The voucher, denomination, quantity and idempotency key.' }) input: PlaceVoucherOrderInput, @Ctx() ctx: Context): Promise<PlaceVoucherOrderPayload> {
    return ctx.services.vouchers.placeOrder(ctx.scope, requireViewer(ctx).id, input);
  }

  @FieldResolver(() => Voucher, { nullable: true, description: 'The voucher product bought, from the synced catalog; null if Xoxoday no longer lists it.' })
  @UseMiddleware(WithinDeadline(Provider.XOXODAY))
  voucher(@Root() order: VoucherOrder, @Ctx() ctx: Context): Promise<Voucher | null> {
    return ctx.services.vouchers.voucher(ctx.scope, order.productId);
  }
}
