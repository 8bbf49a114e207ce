import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { PagingArgs } from './paging.args';
import { TokenStatus } from './token.type';

const TOKEN_CLIENT_MUTATION_ID =
  'Optional, 1 to 200 characters, unique per mutation: the same id again answers the first payload without acting twice; the same id with another input is an INVALID_INPUT userError. Echoed in the payload.';

@InputType({ description: 'Which token of the viewer\'s wallet to share.' })
export class ShareTokenInput {
  @Field(() => ID, { description: 'Global id or Kigo token id.' })
  tokenId!: string;

  @Field(() => String, { nullable: true, description: TOKEN_CLIENT_MUTATION_ID })
  clientMutationId?: string | null;
}

@InputType({ description: 'Which shared token of the viewer\'s wallet to take back.' })
export class CancelTokenShareInput {
  @Field(() => ID, { description: "The token's global id or Kigo token id; it must be the viewer's and SHARE_PENDING." })
  tokenId!: string;

  @Field(() => String, { nullable: true, description: TOKEN_CLIENT_MUTATION_ID })
  clientMutationId?: string | null;
}

@InputType({ description: 'The claim code someone shared with the viewer.' })
export class ClaimTokenInput {
  @Field(() => String, { description: 'The code from ShareTokenPayload.claimCode, as the sharer passed it on. Failed claims count towards a per-viewer limit (10 per 10 minutes by default).' })
  claimCode!: string;

  @Field(() => String, { nullable: true, description: TOKEN_CLIENT_MUTATION_ID })
  clientMutationId?: string | null;
}

/** `Viewer.tokens` arguments, in the contract's order (parameter decorators would register them reversed). */
@ArgsType()
export class TokensArgs extends PagingArgs {
  @Field(() => TokenStatus, { nullable: true, description: 'Only tokens in this status; every token when left out.' })
  status?: TokenStatus | null;
}
