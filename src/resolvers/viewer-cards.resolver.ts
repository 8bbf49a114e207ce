import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { requireViewer } from '../auth/guards';
import type { Context } from '../context';
import { CardConnection } from '../schema/card.type';
import { Viewer } from '../schema/viewer.type';
import { BACKWARD_ARG } from './card.resolver';

@Resolver(() => Viewer)
export class ViewerCardsResolver {
  @FieldResolver(() => CardConnection, { description: "Cards held by klaytnAddress in the partner's card contract; empty until an address is linked." })
  cards(
    @Root() viewer: Viewer,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('last', () => Int, { nullable: true, description: BACKWARD_ARG }) last?: number | null,
    @Arg('before', () => String, { nullable: true, description: BACKWARD_ARG }) before?: string | null,
  ): Promise<CardConnection> {
    requireViewer(ctx);
    return ctx.services.klipCards.viewerCards(ctx, viewer.sub, { first, after, last, before });
  }
}
