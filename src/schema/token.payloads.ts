import { Field, ObjectType } from 'type-graphql';
import { Token } from './token.type';
import { UserError } from './user-error.type';

/**
 * What every token mutation answers: the token as it now is, the expected failures, the echoed id.
 * Only its subclasses are reachable from the schema, so this type itself is never emitted.
 */
@ObjectType()
abstract class TokenMutationPayload {
  @Field(() => Token, { nullable: true, description: 'The token as it is now (in the recipient\'s wallet after a claim); null when the mutation was refused.' })
  token?: Token | null;

  @Field(() => [UserError], { description: 'Why the mutation was refused; empty when it succeeded.' })
  userErrors!: UserError[];

  @Field(() => String, { nullable: true, description: 'The input\'s clientMutationId, echoed.' })
  clientMutationId?: string | null;
}

@ObjectType({ description: 'What shareToken answers: the claim code (once), the token now SHARE_PENDING, or why not.' })
export class ShareTokenPayload extends TokenMutationPayload {
  @Field(() => String, { nullable: true, description: 'Shown once. Give it to the recipient over a secure channel.' })
  claimCode?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the claim code stops working unless claimed before; null when it does not expire or the share was refused.' })
  claimExpiresAt?: Date | null;
}

@ObjectType({ description: 'What cancelTokenShare answers: the token back to ACTIVE (its code dead at once), or why not.' })
export class CancelTokenSharePayload extends TokenMutationPayload {}

@ObjectType({ description: 'What claimToken answers: the token now in the viewer\'s wallet, or why not.' })
export class ClaimTokenPayload extends TokenMutationPayload {}
