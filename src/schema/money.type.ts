import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'An amount of money. `amount` is a decimal string ("25.00"), never a float.' })
export class Money {
  @Field(() => String)
  amount!: string;

  @Field(() => String)
  currency!: string;

  static of(amount: string, currency: string): Money {
    return Object.assign(new Money(), { amount, currency });
  }
}
