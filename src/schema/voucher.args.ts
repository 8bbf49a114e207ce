import { ArgsType, Field, Int } from 'type-graphql';
import { VoucherFilter } from './voucher.input';

// Arguments as classes, not @Arg parameters: type-graphql lists parameter decorators in reverse order,
// and the contract's argument order (first, after, filter) is what clients and the drift test read.

@ArgsType()
export class VoucherOrdersArgs {
  @Field(() => Int, { nullable: true })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

@ArgsType()
export class VouchersArgs extends VoucherOrdersArgs {
  @Field(() => VoucherFilter, { nullable: true })
  filter?: VoucherFilter | null;
}
