import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { TokenStatus } from './token.type';

@InputType()
export class ShareTokenInput {
  @Field(() => ID, { description: 'Global id or Kigo token id.' })
  tokenId!: string;

  @Field(() => String, { nullable: true })
  clientMutationId?: string | null;
}

@InputType()
export class CancelTokenShareInput {
  @Field(() => ID)
  tokenId!: string;

  @Field(() => String, { nullable: true })
  clientMutationId?: string | null;
}

@InputType()
export class ClaimTokenInput {
  @Field(() => String)
  claimCode!: string;

  @Field(() => String, { nullable: true })
  clientMutationId?: string | null;
}

/** `Viewer.tokens` arguments, in the contract's order (parameter decorators would register them reversed). */
@ArgsType()
export class TokensArgs {
  @Field(() => Int, { nullable: true })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;

  @Field(() => TokenStatus, { nullable: true })
  status?: TokenStatus | null;
}
