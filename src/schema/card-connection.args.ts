import { ArgsType, Field, Int } from 'type-graphql';

const BACKWARD = 'Not supported: Klip pages only forward. Giving it is a BAD_USER_INPUT; page with `first` and `after`.';

/** partnerCards' and Viewer.cards' arguments; `last`/`before` exist only to be refused with a clear message. */
@ArgsType()
export class CardConnectionArgs {
  @Field(() => Int, { nullable: true })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: BACKWARD })
  last?: number | null;

  @Field(() => String, { nullable: true, description: BACKWARD })
  before?: string | null;
}
