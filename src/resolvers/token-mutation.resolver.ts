import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { requireViewer } from '../auth/guards';
import type { Context } from '../context';
import { CancelTokenShareInput, ClaimTokenInput, ShareTokenInput } from '../schema/token.inputs';
import { CancelTokenSharePayload, ClaimTokenPayload, ShareTokenPayload } from '../schema/token.payloads';

@Resolver()
export class TokenMutationResolver {
  @Mutation(() => ShareTokenPayload)
  shareToken(@Arg('input', () => ShareTokenInput) input: ShareTokenInput, @Ctx() ctx: Context): Promise<ShareTokenPayload> {
    return ctx.services.tokens.shareToken(ctx.scope, requireViewer(ctx).id, input);
  }

  @Mutation(() => CancelTokenSharePayload)
  cancelTokenShare(@Arg('input', () => CancelTokenShareInput) input: CancelTokenShareInput, @Ctx() ctx: Context): Promise<CancelTokenSharePayload> {
    return ctx.services.tokens.cancelTokenShare(ctx.scope, requireViewer(ctx).id, input);
  }

  @Mutation(() => ClaimTokenPayload)
  claimToken(@Arg('input', () => ClaimTokenInput) input: ClaimTokenInput, @Ctx() ctx: Context): Promise<ClaimTokenPayload> {
    return ctx.services.tokens.claimToken(ctx.scope, requireViewer(ctx).id, input);
  }
}
