import { Field, ID, InterfaceType } from 'type-graphql';

@InterfaceType({ description: 'An object with a globally unique, opaque id (Relay Global Object Identification).' })
export abstract class Node {
  @Field(() => ID, { description: 'Globally unique and opaque: pass it to `node(id:)` or `nodes(ids:)` to fetch the object again. Never parse it.' })
  id!: string;
}
