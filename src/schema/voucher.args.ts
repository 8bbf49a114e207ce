import { ArgsType, Field, Int } from 'type-graphql';
import { VoucherFilter } from './voucher.input';

// Arguments as classes, not @Arg parameters: type-graphql lists parameter decorators in reverse order,
// and the contract's argument order (first, after, filter) is what clients and the drift test read.

@ArgsType()
export class VoucherOrdersArgs {
  @Field(() => Int, { nullable: true, description: 'How many to return: 1 to 100, 20 when left out.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'A cursor from this same list (`pageInfo.endCursor`): the page starts after it.' })
  after?: string | null;
}

@ArgsType()
export class VouchersArgs extends VoucherOrdersArgs {
  @Field(() => VoucherFilter, { nullable: true, description: 'Only vouchers that match; the whole catalog when left out.' })
  filter?: VoucherFilter | null;
}
