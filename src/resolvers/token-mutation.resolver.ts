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
  @Mutation(() => ShareTokenPayload, { complexity: upstreamField })
  @UseMiddleware(WithinDeadline(Provider.KIGO))
  shareToken(@Arg('input', () => ShareTokenInput) input: ShareTokenInput, @Ctx() ctx: Context): Promise<ShareTokenPayload> {
    return ctx.services.tokens.shareToken(ctx.scope, requireViewer(ctx).id, input);
  }

  @Mutation(() => CancelTokenSharePayload, { complexity: upstreamField })
  @UseMiddleware(WithinDeadline(Provider.KIGO))
  cancelTokenShare(@Arg('input', () => CancelTokenShareInput) input: CancelTokenShareInput, @Ctx() ctx: Context): Promise<CancelTokenSharePayload> {
    return ctx.services.tokens.cancelTokenShare(ctx.scope, requireViewer(ctx).id, input);
  }

  @Mutation(() => ClaimTokenPayload, { complexity: upstreamField })
  @UseMiddleware(WithinDeadline(Provider.KIGO))
  claimToken(@Arg('input', () => ClaimTokenInput) input: ClaimTokenInput, @Ctx() ctx: Context): Promise<ClaimTokenPayload> {
    return ctx.services.tokens.claimToken(ctx.scope, requireViewer(ctx).id, input);
  }
}
