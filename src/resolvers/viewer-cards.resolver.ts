import { Args, Ctx, FieldResolver, Resolver, Root, UseMiddleware } from 'type-graphql';
import { requireViewer } from '../auth/guards';
import type { Context } from '../context';
import { CardConnectionArgs } from '../schema/card-connection.args';
import { CardConnection } from '../schema/card.type';
import { Viewer } from '../schema/viewer.type';
import { connectionField } from '../limits/cost';
import { Provider } from '../errors';
import { WithinDeadline } from '../operation/within-deadline';

@Resolver(() => Viewer)
export class ViewerCardsResolver {
  @FieldResolver(() => CardConnection, { description: "Cards held by klaytnAddress in the partner's card contract; empty until an address is linked. Pages both ways: backward pages (`last`/`before`) use the Klip cursors the gateway saw while paging forward, kept as long as its card page cache (KLIP_PAGE_CACHE_TTL_SECONDS); past that, a backward page that needs an earlier Klip page is a BAD_USER_INPUT.", complexity: connectionField })
  @UseMiddleware(WithinDeadline(Provider.KLIP))
  cards(@Root() viewer: Viewer, @Args(() => CardConnectionArgs) args: CardConnectionArgs, @Ctx() ctx: Context): Promise<CardConnection> {
    requireViewer(ctx);
    return ctx.services.cards.viewerCards(ctx.scope, viewer.sub, args);
  }
}
