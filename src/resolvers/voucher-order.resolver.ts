import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root, type SubscribeResolverData, Subscription, UseMiddleware } from 'type-graphql';
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

  @Subscription(() => VoucherOrder, {
    complexity: upstreamField,
    name: 'voucherOrder',
    description:
      "One of the viewer's voucher orders now, then again whenever its status or delivery changes (the codes of a\n" +
      'DELAYED voucher arrive this way: the gateway follows pending deliveries at Xoxoday in the background), until it\n' +
      'is DELIVERED or FAILED, after which the subscription completes. Only the viewer who placed it may subscribe.',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, { id: string }, Context>) =>
      context.services.vouchers.watchOrder(context.scope, requireViewer(context).id, args.id),
  })
  voucherOrderUpdates(
    @Root() order: VoucherOrder,
    @Arg('id', () => ID, { description: "The order's id (`VoucherOrder.id`); NOT_FOUND for an unknown id and for someone else's order." }) _id: string,
    @Ctx() ctx: Context,
  ): VoucherOrder {
    // Each event is resolved in a scope of its own: loaders from an earlier event would serve stale data.
    ctx.nextEvent();
    return order;
  }

  @FieldResolver(() => Voucher, { nullable: true, description: 'The voucher product bought, from the synced catalog; null if Xoxoday no longer lists it.' })
  @UseMiddleware(WithinDeadline(Provider.XOXODAY))
  voucher(@Root() order: VoucherOrder, @Ctx() ctx: Context): Promise<Voucher | null> {
    return ctx.services.vouchers.voucher(ctx.scope, order.productId);
  }
}
