import { Arg, Args, Ctx, Mutation, Query, Resolver, UseMiddleware } from 'type-graphql';
import { requireAdmin } from '../auth/guards';
import type { Context } from '../context';
import { CardConnectionArgs } from '../schema/card-connection.args';
import { MintCardInput } from '../schema/card.input';
import { Card, CardConnection } from '../schema/card.type';
import { MintCardPayload } from '../schema/mint-card.payload';
import { PartnerMintQuota } from '../schema/partner-mint-quota.type';
import { connectionField, upstreamField } from '../limits/cost';
import { Provider } from '../errors';
import { WithinDeadline } from '../operation/within-deadline';

@Resolver(() => Card)
export class CardResolver {
  @Query(() => CardConnection, { description: 'Cards minted by the partner (Klip Card Minting API). Admin only. Pages both ways: backward pages (`last`/`before`) use the Klip cursors the gateway saw while paging forward, kept as long as its card page cache (KLIP_PAGE_CACHE_TTL_SECONDS); past that, a backward page that needs an earlier Klip page is a BAD_USER_INPUT.', complexity: connectionField })
  @UseMiddleware(WithinDeadline(Provider.KLIP))
  partnerCards(@Args(() => CardConnectionArgs) args: CardConnectionArgs, @Ctx() ctx: Context): Promise<CardConnection> {
    requireAdmin(ctx);
    return ctx.services.cards.partnerCards(ctx.scope, args);
  }

  @Query(() => PartnerMintQuota, { description: "How many cards the partner may still mint, as Klip reports it now (one partner login per query). Admin only.", complexity: upstreamField })
  @UseMiddleware(WithinDeadline(Provider.KLIP))
  partnerMintQuota(@Ctx() ctx: Context): Promise<PartnerMintQuota> {
    requireAdmin(ctx);
    return ctx.services.cards.mintQuota();
  }

  @Mutation(() => MintCardPayload, { description: 'Admin only.', complexity: upstreamField })
  @UseMiddleware(WithinDeadline(Provider.KLIP))
  mintCard(@Arg('input', () => MintCardInput, { description: 'The card to mint and the addresses to mint it to.' }) input: MintCardInput, @Ctx() ctx: Context): Promise<MintCardPayload> {
    return ctx.services.cards.mint(ctx.scope, requireAdmin(ctx).id, input);
  }
}
