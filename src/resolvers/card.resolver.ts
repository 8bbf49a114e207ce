import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { requireAdmin } from '../auth/guards';
import type { Context } from '../context';
import { CardConnectionArgs } from '../schema/card-connection.args';
import { MintCardInput } from '../schema/card.input';
import { Card, CardConnection } from '../schema/card.type';
import { MintCardPayload } from '../schema/mint-card.payload';

@Resolver(() => Card)
export class CardResolver {
  @Query(() => CardConnection, { description: 'Cards minted by the partner (Klip Card Minting API). Admin only.' })
  partnerCards(@Args(() => CardConnectionArgs) args: CardConnectionArgs, @Ctx() ctx: Context): Promise<CardConnection> {
    requireAdmin(ctx);
    return ctx.services.cards.partnerCards(ctx.scope, args);
  }

  @Mutation(() => MintCardPayload, { description: 'Admin only.' })
  mintCard(@Arg('input', () => MintCardInput, { description: 'The card to mint and the addresses to mint it to.' }) input: MintCardInput, @Ctx() ctx: Context): Promise<MintCardPayload> {
    return ctx.services.cards.mint(ctx.scope, requireAdmin(ctx).id, input);
  }
}
