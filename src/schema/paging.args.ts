import { ArgsType, Field, Int } from 'type-graphql';

/**
 * The Relay paging arguments every connection takes: `first`/`after` forward, `last`/`before`
 * backward (Relay's loadPrevious, Apollo's relayStylePagination). One direction per request.
 */
@ArgsType()
export class PagingArgs {
  @Field(() => Int, { nullable: true, description: 'Forward: how many items to return from the start (or after `after`): 1 to 100; 20 when neither `first` nor `last` is given.' })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Forward: a cursor from this same list (an edge cursor or `pageInfo.endCursor`); the page starts after that item. Signed: an altered cursor, or one from another list or viewer, is a BAD_USER_INPUT.',
  })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: 'Backward: how many items to return from the end (or before `before`): 1 to 100. Not together with `first` or `after`.' })
  last?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Backward: a cursor from this same list (an edge cursor or `pageInfo.startCursor`); the page ends just before that item, in list order. Signed like `after`.',
  })
  before?: string | null;
}
