import { Field, InputType } from 'type-graphql';

@InputType({ description: 'One trait to mint into the card\'s metadata.' })
export class CardAttributeInput {
  @Field(() => String, { description: 'The trait\'s name: not blank, at most 100 characters.' })
  traitType!: string;

  @Field(() => String, { description: 'The trait\'s value, as text: at most 1,000 characters.' })
  value!: string;
}

@InputType({ description: 'One card design to mint, once per address; every problem is answered at once in userErrors.' })
export class MintCardInput {
  @Field(() => [String], { description: 'Klaytn addresses (0x and 40 hex digits) that each receive one card: 1 to 100, and within Klip\'s mint limit for the partner.' })
  toAddresses!: string[];

  @Field(() => String, { description: 'The card\'s name: not blank, at most 200 characters.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'The card\'s description: at most 10,000 characters.' })
  description?: string | null;

  @Field(() => String, { description: 'The card\'s picture: an absolute http(s) URL of at most 2,048 characters, which Klip stores as given.' })
  imageUrl!: string;

  @Field(() => [CardAttributeInput], { nullable: true, description: 'Traits of the card\'s metadata: at most 50.' })
  attributes?: CardAttributeInput[] | null;

  @Field(() => Boolean, { nullable: true, defaultValue: true, description: 'Whether holders may send the card on to another address (Klip\'s `sendable`).' })
  sendable?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Optional, 1 to 200 characters: the same id again answers the first mint\'s cards without minting twice (and, after a mint that timed out, UPSTREAM_UNAVAILABLE rather than a second mint); the same id with another input is an INVALID_INPUT userError. Echoed in the payload.',
  })
  clientMutationId?: string | null;
}
