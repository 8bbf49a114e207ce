import { Field, ID, InterfaceType } from 'type-graphql';

@InterfaceType({ description: 'An object with a globally unique, opaque id (Relay Global Object Identification).' })
export abstract class Node {
  @Field(() => ID)
  id!: string;
}
