import { Arg, Ctx, Mutation, Resolver, UseMiddleware } from 'type-graphql';
import { requireViewer } from '../auth/guards';
import type { Context } from '../context';
import { CancelTokenShareInput, ClaimTokenInput, ShareTokenInput } from '../schema/token.inputs';
import { CancelTokenSharePayload, ClaimTokenPayload, ShareTokenPayload } from '../schema/token.payloads';
import { upstreamField } from '../limits/cost';
import { Provider } from '../errors';
import { WithinDeadline } from '../operation/within-deadline';

@Resolver()
export class TokenMutationResolver {
  @Mutation(() => ShareTokenPayload, {
    description: "Shares a token of the viewer's wallet at Kigo: answers a claim code, shown this once, for the recipient to claim it with.",
    complexity: upstreamField,
  })
  @UseMiddleware(WithinDeadline(Provider.KIGO))
  shareToken(@Arg('input', () => ShareTokenInput, { description: 'The token to share.' }) input: ShareTokenInput, @Ctx() ctx: Context): Promise<ShareTokenPayload> {
    return ctx.services.tokens.shareToken(ctx.scope, requireViewer(ctx).id, input);
  }

  @Mutation(() => CancelTokenSharePayload, { description: 'Takes back a pending share at Kigo before anyone claims it; the claim code stops working at once.', complexity: upstreamField })
  @UseMiddleware(WithinDeadline(Provider.KIGO))
  cancelTokenShare(@Arg('input', () => CancelTokenShareInput, { description: 'The shared token.' }) input: CancelTokenShareInput, @Ctx() ctx: Context): Promise<CancelTokenSharePayload> {
    return ctx.services.tokens.cancelTokenShare(ctx.scope, requireViewer(ctx).id, input);
  }

  @Mutation(() => ClaimTokenPayload, {
    description: "Claims a shared token at Kigo with its claim code: the token moves to the viewer's wallet. Too many failed claims answer RATE_LIMITED.",
    complexity: upstreamField,
  })
  @UseMiddleware(WithinDeadline(Provider.KIGO))
  claimToken(@Arg('input', () => ClaimTokenInput, { description: 'The claim code.' }) input: ClaimTokenInput, @Ctx() ctx: Context): Promise<ClaimTokenPayload> {
    return ctx.services.tokens.claimToken(ctx.scope, requireViewer(ctx).id, input);
  }
}
