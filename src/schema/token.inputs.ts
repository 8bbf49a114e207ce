import { Field, ID, InputType } from 'type-graphql';

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
