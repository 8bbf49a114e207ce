import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Where a page of a connection sits in the whole list (Relay cursor connections).' })
export class PageInfo {
  @Field(() => Boolean, { description: 'True when another item follows this page: pass `endCursor` as `after` to read it. Paging backward, true when `before` was given (that item follows).' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'True when an item precedes this page: pass `startCursor` as `before` to read it. Paging forward, true when `after` was given (that item precedes).' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "The first edge's cursor, to pass as `before` for the page before; null for an empty page." })
  startCursor?: string | null;

  @Field(() => String, { nullable: true, description: "The last edge's cursor, to pass as `after` for the next page; null for an empty page." })
  endCursor?: string | null;
}
