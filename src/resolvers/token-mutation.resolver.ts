import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { requireViewer } from '../auth/guards';
import type { Context } from '../context';
import { CancelTokenShareInput, ClaimTokenInput, ShareTokenInput } from '../schema/token.inputs';
import { CancelTokenSharePayload, ClaimTokenPayload, ShareTokenPayload } from '../schema/token.payloads';

@Resolver()
export class TokenMutationResolver {
  @Mutation(() => ShareTokenPayload)
  shareToken(@Arg('input', () => ShareTokenInput) input: ShareTokenInput, @Ctx() ctx: Context): Promise<ShareTokenPayload> {
    return ctx.services.kigo.shareToken(ctx, requireViewer(ctx).id, input);
  }

  @Mutation(() => CancelTokenSharePayload)
  cancelTokenShare(@Arg('input', () => CancelTokenShareInput) input: CancelTokenShareInput, @Ctx() ctx: Context): Promise<CancelTokenSharePayload> {
    return ctx.services.kigo.cancelTokenShare(ctx, requireViewer(ctx).id, input);
  }

  @Mutation(() => ClaimTokenPayload)
  claimToken(@Arg('input', () => ClaimTokenInput) input: ClaimTokenInput, @Ctx() ctx: Context): Promise<ClaimTokenPayload> {
    return ctx.services.kigo.claimToken(ctx, requireViewer(ctx).id, input);
  }
}
