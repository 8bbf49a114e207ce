import { Field, ObjectType } from 'type-graphql';
import { Card } from './card.type';
import { UserError } from './user-error.type';

@ObjectType()
export class MintCardPayload {
  @Field(() => [Card])
  cards!: Card[];

  @Field(() => [UserError])
  userErrors!: UserError[];

  @Field(() => String, { nullable: true })
  clientMutationId?: string | null;

  static of(cards: Card[], userErrors: UserError[], clientMutationId?: string | null): MintCardPayload {
    return Object.assign(new MintCardPayload(), { cards, userErrors, clientMutationId: clientMutationId ?? null });
  }
}
