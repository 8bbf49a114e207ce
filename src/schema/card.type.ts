import { Field, ID, ObjectType } from 'type-graphql';
import { AssetKind } from './asset-kind.enum';
import { Asset } from './asset.interface';
import { connectionTypes } from './connection';
import { toGlobalId } from './global-id';
import { Node } from './node.interface';
import { Provider } from './provider.enum';

@ObjectType({ description: "One trait of a card's metadata, as it was minted (NFT metadata's `trait_type` and `value`)." })
export class CardAttribute {
  @Field(() => String, { description: 'The trait\'s name, such as "year".' })
  traitType!: string;

  @Field(() => String, { description: 'The trait\'s value, as text (numbers too).' })
  value!: string;
}

/**
 * A Klip card (an NFT of the partner's card contract). Its global id is `Card:<contract>:<cardId>`.
 * `id`, `provider`, `name`, `description` and `imageUrl` come from Asset.
 */
@ObjectType({
  description:
    "A Klip card: an NFT of the partner's card contract, read from Klip. Admins see every card of the contract; other viewers only the cards their linked Klaytn address holds.",
  implements: [Node, Asset],
})
export class Card extends Asset {
  @Field(() => String, { description: "Klip's card id." })
  cardId!: string;

  @Field(() => String, { description: 'The card contract (Klaytn address, 0x and 40 hex digits, lower case): the partner\'s `KLIP_CARD_CONTRACT`.' })
  contractAddress!: string;

  @Field(() => String, { nullable: true, description: 'The Klaytn address holding the card now, as Klip reports it; null when Klip does not say.' })
  owner?: string | null;

  @Field(() => String, { nullable: true, description: 'The Klaytn address that sent the card to its owner (the minter for a new card), as Klip reports it.' })
  sender?: string | null;

  @Field(() => String, { nullable: true, description: 'Hash of the Klaytn transaction that last moved the card (its mint or latest transfer), as Klip reports it.' })
  transactionHash?: string | null;

  @Field(() => [CardAttribute], { description: 'The traits it was minted with; empty when it has none.' })
  attributes!: CardAttribute[];

  @Field(() => Date, { nullable: true, description: 'When Klip recorded the card (its mint); null when Klip does not say.' })
  createdAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When Klip last changed the card (a transfer, say); null when Klip does not say.' })
  updatedAt?: Date | null;

  /** The node key inside the global id: contract (lowercase) and card id. */
  static nodeKey(contractAddress: string, cardId: string): string {
    return `${contractAddress.toLowerCase()}:${cardId}`;
  }

  static of(fields: Omit<Card, 'id' | 'provider' | 'assetKind' | 'acquiredAt' | 'value'>): Card {
    return Object.assign(new Card(), fields, {
      id: toGlobalId('Card', Card.nodeKey(fields.contractAddress, fields.cardId)),
      provider: Provider.KLIP,
      assetKind: AssetKind.CARD,
      // A card leaves its holder's list when it moves on, so its latest transfer is the one that brought it.
      acquiredAt: fields.updatedAt ?? fields.createdAt ?? null,
      value: null,
    });
  }
}

// Backward pages (`last`/`before`) use the Klip cursors the gateway saw (cards/card-connection.ts); the
// description is the contract's.
export const { Edge: CardEdge, Connection: CardConnection } = connectionTypes(Card, 'Card', {
  noun: 'card',
  description: "Maps onto Klip's forward-only next_cursor pages of 100; any `first` from 1 to 100 works.",
});
export type CardConnection = InstanceType<typeof CardConnection>;
