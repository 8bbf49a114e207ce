import { Field, ID, ObjectType } from 'type-graphql';
import { Asset } from './asset.interface';
import { connectionTypes } from './connection';
import { toGlobalId } from './global-id';
import { Node } from './node.interface';
import { Provider } from './provider.enum';

@ObjectType()
export class CardAttribute {
  @Field(() => String)
  traitType!: string;

  @Field(() => String)
  value!: string;
}

/**
 * A Klip card (an NFT of the partner's card contract). Its global id is `Card:<contract>:<cardId>`.
 * `id`, `provider`, `name`, `description` and `imageUrl` come from Asset.
 */
@ObjectType({ implements: [Node, Asset] })
export class Card extends Asset {
  @Field(() => String, { description: "Klip's card id." })
  cardId!: string;

  @Field(() => String)
  contractAddress!: string;

  @Field(() => String, { nullable: true })
  owner?: string | null;

  @Field(() => String, { nullable: true })
  sender?: string | null;

  @Field(() => String, { nullable: true })
  transactionHash?: string | null;

  @Field(() => [CardAttribute])
  attributes!: CardAttribute[];

  @Field(() => Date, { nullable: true })
  createdAt?: Date | null;

  @Field(() => Date, { nullable: true })
  updatedAt?: Date | null;

  /** The node key inside the global id: contract (lowercase) and card id. */
  static nodeKey(contractAddress: string, cardId: string): string {
    return `${contractAddress.toLowerCase()}:${cardId}`;
  }

  static of(fields: Omit<Card, 'id' | 'provider'>): Card {
    return Object.assign(new Card(), fields, {
      id: toGlobalId('Card', Card.nodeKey(fields.contractAddress, fields.cardId)),
      provider: Provider.KLIP,
    });
  }
}

export const { Edge: CardEdge, Connection: CardConnection } = connectionTypes(Card, 'Card', {
  description: "Maps onto Klip's forward-only next_cursor pages of 100; any `first` from 1 to 100 works.",
});
export type CardConnection = InstanceType<typeof CardConnection>;
