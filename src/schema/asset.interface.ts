import { Field, ID, InterfaceType } from 'type-graphql';
import { Node } from './node.interface';
import { Provider } from './provider.enum';

@InterfaceType({
  description: 'Something of value a person can hold or buy: a Kigo token, a Klip card or a Xoxoday voucher.',
  implements: Node,
})
export abstract class Asset implements Node {
  @Field(() => ID)
  id!: string;

  @Field(() => Provider)
  provider!: Provider;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  imageUrl?: string | null;
}
