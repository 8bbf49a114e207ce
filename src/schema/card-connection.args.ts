import { ArgsType, Field, Int } from 'type-graphql';

const BACKWARD = 'Not supported: Klip pages only forward. Giving it is a BAD_USER_INPUT; page with `first` and `after`.';

/** partnerCards' and Viewer.cards' arguments; `last`/`before` exist only to be refused with a clear message. */
@ArgsType()
export class CardConnectionArgs {
  @Field(() => Int, { nullable: true, description: 'How many cards to return: 1 to 100, 20 when left out (Klip pages hold 100; any size works).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'A cursor from this same list (`pageInfo.endCursor`): the page starts after that card. Signed: an altered cursor, or one from another list or viewer, is a BAD_USER_INPUT.' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: BACKWARD })
  last?: number | null;

  @Field(() => String, { nullable: true, description: BACKWARD })
  before?: string | null;
}
