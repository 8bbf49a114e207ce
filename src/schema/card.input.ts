import { Field, InputType } from 'type-graphql';

@InputType()
export class CardAttributeInput {
  @Field(() => String)
  traitType!: string;

  @Field(() => String)
  value!: string;
}

@InputType()
export class MintCardInput {
  @Field(() => [String])
  toAddresses!: string[];

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String)
  imageUrl!: string;

  @Field(() => [CardAttributeInput], { nullable: true })
  attributes?: CardAttributeInput[] | null;

  @Field(() => Boolean, { nullable: true, defaultValue: true })
  sendable?: boolean | null;

  @Field(() => String, { nullable: true })
  clientMutationId?: string | null;
}
