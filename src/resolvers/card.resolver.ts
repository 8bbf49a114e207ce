import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { requireAdmin } from '../auth/guards';
import type { Context } from '../context';
import { MintCardInput } from '../schema/card.input';
import { Card, CardConnection } from '../schema/card.type';
import { MintCardPayload } from '../schema/mint-card.payload';

/** Forward-only paging: `last`/`before` exist only to be refused with a clear message. */
export const BACKWARD_ARG = 'Not supported: Klip pages only forward. Giving it is a BAD_USER_INPUT; page with `first` and `after`.';

@Resolver(() => Card)
export class CardResolver {
  @Query(() => CardConnection, { description: 'Cards minted by the partner (Klip Card Minting API). Admin only.' })
  partnerCards(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('last', () => Int, { nullable: true, description: BACKWARD_ARG }) last?: number | null,
    @Arg('before', () => String, { nullable: true, description: BACKWARD_ARG }) before?: string | null,
  ): Promise<CardConnection> {
    requireAdmin(ctx);
    return ctx.services.klipCards.partnerCards(ctx, { first, after, last, before });
  }

  @Mutation(() => MintCardPayload, { description: 'Admin only.' })
  mintCard(@Arg('input', () => MintCardInput) input: MintCardInput, @Ctx() ctx: Context): Promise<MintCardPayload> {
    const viewer = requireAdmin(ctx);
    return ctx.services.klipCards.mint(ctx, viewer.id, input);
  }
}
