import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { requireViewer } from '../auth/guards';
import type { Context } from '../context';
import { voucherLoader } from '../vouchers/loaders';
import { PlaceVoucherOrderPayload } from '../schema/voucher-order.payload';
import { VoucherOrder } from '../schema/voucher-order.type';
import { PlaceVoucherOrderInput } from '../schema/voucher.input';
import { Voucher } from '../schema/voucher.type';

@Resolver(() => VoucherOrder)
export class VoucherOrderResolver {
  @Mutation(() => PlaceVoucherOrderPayload)
  async placeVoucherOrder(@Arg('input', () => PlaceVoucherOrderInput) input: PlaceVoucherOrderInput, @Ctx() ctx: Context): Promise<PlaceVoucherOrderPayload> {
    const viewer = requireViewer(ctx);
    const result = await ctx.services.xoxoday.orders.place(viewer.id, input);
    return Object.assign(new PlaceVoucherOrderPayload(), result, { clientMutationId: input.clientMutationId ?? null });
  }

  @FieldResolver(() => Voucher, { nullable: true })
  voucher(@Root() order: VoucherOrder, @Ctx() ctx: Context): Promise<Voucher | null> {
    return voucherLoader(ctx).load(order.productId);
  }
}
