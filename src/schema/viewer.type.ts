import { Field, ID, ObjectType } from 'type-graphql';
import { Node } from './node.interface';
import { toGlobalId } from './global-id';

/** Fields beyond `id` (tokens, cards, voucherOrders, klaytnAddress) are added by each domain's resolver. */
@ObjectType({ description: 'The person making the request, from the verified bearer token.', implements: Node })
export class Viewer implements Node {
  @Field(() => ID, { description: 'Globally unique and opaque; `node(id:)` answers it to the same viewer only.' })
  id!: string;

  /** The JWT subject; not exposed as a field. */
  sub!: string;

  static of(sub: string): Viewer {
    return Object.assign(new Viewer(), { id: toGlobalId('Viewer', sub), sub });
  }
}
