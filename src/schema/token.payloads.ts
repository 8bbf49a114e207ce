import { Field, ObjectType } from 'type-graphql';
import { Token } from './token.type';
import { UserError } from './user-error.type';

/**
 * What every token mutation answers: the token as it now is, the expected failures, the echoed id.
 * Only its subclasses are reachable from the schema, so this type itself is never emitted.
 */
@ObjectType()
abstract class TokenMutationPayload {
  @Field(() => Token, { nullable: true })
  token?: Token | null;

  @Field(() => [UserError])
  userErrors!: UserError[];

  @Field(() => String, { nullable: true })
  clientMutationId?: string | null;
}

@ObjectType()
export class ShareTokenPayload extends TokenMutationPayload {
  @Field(() => String, { nullable: true, description: 'Shown once. Give it to the recipient over a secure channel.' })
  claimCode?: string | null;

  @Field(() => Date, { nullable: true })
  claimExpiresAt?: Date | null;
}

@ObjectType()
export class CancelTokenSharePayload extends TokenMutationPayload {}

@ObjectType()
export class ClaimTokenPayload extends TokenMutationPayload {}
