import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'An amount of money. `amount` is a decimal string ("25.00"), never a float.' })
export class Money {
  @Field(() => String, { description: 'A decimal string in units of `currency`, such as "25.00" (never a float, so nothing is lost to rounding).' })
  amount!: string;

  @Field(() => String, { description: 'ISO 4217 code, upper case: "USD", "EUR", "INR".' })
  currency!: string;

  static of(amount: string, currency: string): Money {
    return Object.assign(new Money(), { amount, currency });
  }
}
