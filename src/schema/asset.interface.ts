import { Field, ID, InterfaceType } from 'type-graphql';
import { AssetKind } from './asset-kind.enum';
import { Money } from './money.type';
import { Node } from './node.interface';
import { Provider } from './provider.enum';

/**
 * What every asset has in common. `kind` would be the natural name of `assetKind`, but Token's
 * contract already has `kind: TokenKind!`, and an interface field must have one type in every
 * implementation.
 */
@InterfaceType({
  description: 'Something of value a person can hold or buy: a Kigo token, a Klip card or a Xoxoday voucher.',
  implements: Node,
})
export abstract class Asset implements Node {
  @Field(() => ID, { description: 'Globally unique and opaque: pass it to `node(id:)` or `nodes(ids:)` to fetch the object again. Never parse it.' })
  id!: string;

  @Field(() => Provider, { description: 'The upstream system the asset comes from.' })
  provider!: Provider;

  @Field(() => AssetKind, {
    description: 'What sort of asset it is (the implementing type): TOKEN, CARD, VOUCHER_CODE or VOUCHER. Named so because Token.kind (a TokenKind) was there first; filter `viewer.assets` by it with `kinds`.',
  })
  assetKind!: AssetKind;

  @Field(() => String, { description: 'Display name, as the upstream gives it.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Longer text about the asset, as the upstream gives it; null when it gives none.' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: "URL of the asset's picture, served by the upstream or its CDN; null when it has none." })
  imageUrl?: string | null;

  @Field(() => Date, {
    nullable: true,
    description:
      "When the holder got it, where known. Token: null (Kigo does not say when a token entered a wallet). Card: Klip's `updated_at` (the card's latest transfer, which brought it to its holder; its mint for a card never moved), else `created_at`. VoucherCode: when the gateway placed its order. Voucher: null (a product, not a holding).",
  })
  acquiredAt?: Date | null;

  @Field(() => Money, {
    nullable: true,
    description:
      "What it is worth, where known. Token: Kigo's value (null for tokens without a face value, most offers). Card: null (Klip cards carry no value). VoucherCode: the code's face value (never null). Voucher: null (a product is sold in several values: see `denominations`).",
  })
  value?: Money | null;
}
