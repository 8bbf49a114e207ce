import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import { requireViewer } from '../auth/guards';
import type { Context } from '../context';
import { TokensArgs } from '../schema/token.inputs';
import { Token, TokenConnection } from '../schema/token.type';
import { Viewer } from '../schema/viewer.type';
import { connectionField, upstreamField } from '../limits/cost';
import { Provider } from '../errors';
import { WithinDeadline } from '../operation/within-deadline';

@Resolver(() => Viewer)
export class ViewerTokensResolver {
  @FieldResolver(() => TokenConnection, { description: "The viewer's Kigo wallet, in Kigo's order, a page at a time.", complexity: connectionField })
  @UseMiddleware(WithinDeadline(Provider.KIGO))
  tokens(@Root() _viewer: Viewer, @Args(() => TokensArgs) args: TokensArgs, @Ctx() ctx: Context): Promise<TokenConnection> {
    // The wallet of whoever is asking: a Viewer object is only ever the asking viewer's own.
    return ctx.services.tokens.tokens(ctx.scope, requireViewer(ctx).id, args);
  }
}

@Resolver(() => Token)
export class TokenResolver {
  @Query(() => Token, { nullable: true, description: 'What a claim code would give, without claiming it.', complexity: upstreamField })
  @UseMiddleware(WithinDeadline(Provider.KIGO))
  claimPreview(@Arg('claimCode', () => String, { description: 'A claim code someone shared; null for an unknown one (which counts as a failed claim).' }) claimCode: string, @Ctx() ctx: Context): Promise<Token | null> {
    return ctx.services.tokens.claimPreview(ctx.scope, requireViewer(ctx).id, claimCode);
  }
}
