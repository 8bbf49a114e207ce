import { Ctx, FieldResolver, Resolver, Root, UseMiddleware } from 'type-graphql';
import type { Context } from '../context';
import { Provider } from '../errors';
import { WithinDeadline } from '../operation/within-deadline';
import { VoucherCode } from '../schema/voucher-order.type';
import { Voucher } from '../schema/voucher.type';

/**
 * A code's product fields, from the synced catalog through the operation's voucher loader (one lookup
 * for every code and order of the operation). Without the product (Xoxoday no longer lists it) the
 * code still answers: a name made of its productId, no description or picture.
 */
@Resolver(() => VoucherCode)
export class VoucherCodeResolver {
  @FieldResolver(() => Voucher, { nullable: true, description: 'The voucher product the code is for, from the synced catalog; null if Xoxoday no longer lists it.' })
  @UseMiddleware(WithinDeadline(Provider.XOXODAY))
  voucher(@Root() code: VoucherCode, @Ctx() ctx: Context): Promise<Voucher | null> {
    return ctx.services.vouchers.voucher(ctx.scope, code.productId);
  }

  @FieldResolver(() => String, { description: "The voucher product's name (\"Xoxoday voucher <productId>\" if Xoxoday no longer lists it)." })
  @UseMiddleware(WithinDeadline(Provider.XOXODAY))
  async name(@Root() code: VoucherCode, @Ctx() ctx: Context): Promise<string> {
    return (await ctx.services.vouchers.voucher(ctx.scope, code.productId))?.name ?? code.name;
  }

  @FieldResolver(() => String, { nullable: true, description: "The voucher product's description; null when it has none." })
  @UseMiddleware(WithinDeadline(Provider.XOXODAY))
  async description(@Root() code: VoucherCode, @Ctx() ctx: Context): Promise<string | null> {
    return (await ctx.services.vouchers.voucher(ctx.scope, code.productId))?.description ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: "The voucher product's picture; null when it has none." })
  @UseMiddleware(WithinDeadline(Provider.XOXODAY))
  async imageUrl(@Root() code: VoucherCode, @Ctx() ctx: Context): Promise<string | null> {
    return (await ctx.services.vouchers.voucher(ctx.scope, code.productId))?.imageUrl ?? null;
  }
}
