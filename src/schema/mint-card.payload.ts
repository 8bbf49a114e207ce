import { Field, ObjectType } from 'type-graphql';
import { Card } from './card.type';
import { UserError } from './user-error.type';

@ObjectType({ description: 'What mintCard answers: the cards minted, or every reason it was refused.' })
export class MintCardPayload {
  @Field(() => [Card], { description: 'One new card per address, in `toAddresses` order; empty when the mint was refused.' })
  cards!: Card[];

  @Field(() => [UserError], { description: 'Why the mint was refused, one entry per problem, `field` a path from the mutation argument (["input", "toAddresses", "1"]); empty when it succeeded.' })
  userErrors!: UserError[];

  @Field(() => String, { nullable: true, description: 'The input\'s clientMutationId, echoed.' })
  clientMutationId?: string | null;

  static of(cards: Card[], userErrors: UserError[], clientMutationId?: string | null): MintCardPayload {
    return Object.assign(new MintCardPayload(), { cards, userErrors, clientMutationId: clientMutationId ?? null });
  }
}
