import { Field, ObjectType } from 'type-graphql';
import { Token } from './token.type';
import { UserError } from './user-error.type';

@ObjectType()
export class ShareTokenPayload {
  @Field(() => Token, { nullable: true })
  token?: Token | null;

  @Field(() => String, { nullable: true, description: 'Shown once. Give it to the recipient over a secure channel.' })
  claimCode?: string | null;

  @Field(() => Date, { nullable: true })
  claimExpiresAt?: Date | null;

  @Field(() => [UserError])
  userErrors!: UserError[];

  @Field(() => String, { nullable: true })
  clientMutationId?: string | null;
}

@ObjectType()
export class CancelTokenSharePayload {
  @Field(() => Token, { nullable: true })
  token?: Token | null;

  @Field(() => [UserError])
  userErrors!: UserError[];

  @Field(() => String, { nullable: true })
  clientMutationId?: string | null;
}

@ObjectType()
export class ClaimTokenPayload {
  @Field(() => Token, { nullable: true })
  token?: Token | null;

  @Field(() => [UserError])
  userErrors!: UserError[];

  @Field(() => String, { nullable: true })
  clientMutationId?: string | null;
}
