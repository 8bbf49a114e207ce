import { Field, ID, InterfaceType } from 'type-graphql';
import { Node } from './node.interface';
import { Provider } from './provider.enum';

@InterfaceType({
  description: 'Something of value a person can hold or buy: a Kigo token, a Klip card or a Xoxoday voucher.',
  implements: Node,
})
export abstract class Asset implements Node {
  @Field(() => ID, { description: 'Globally unique and opaque: pass it to `node(id:)` or `nodes(ids:)` to fetch the object again. Never parse it.' })
  id!: string;

  @Field(() => Provider, { description: 'The upstream system the asset comes from.' })
  provider!: Provider;

  @Field(() => String, { description: 'Display name, as the upstream gives it.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Longer text about the asset, as the upstream gives it; null when it gives none.' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: "URL of the asset's picture, served by the upstream or its CDN; null when it has none." })
  imageUrl?: string | null;
}
