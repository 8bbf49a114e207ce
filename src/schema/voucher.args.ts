import { ArgsType, Field } from 'type-graphql';
import { PagingArgs } from './paging.args';
import { VoucherFilter } from './voucher.input';

// Arguments as classes, not @Arg parameters: type-graphql lists parameter decorators in reverse order,
// and the contract's argument order (first, after, [last, before,] filter) is what clients and the drift test read.

@ArgsType()
export class VoucherOrdersArgs extends PagingArgs {}

@ArgsType()
export class VouchersArgs extends VoucherOrdersArgs {
  @Field(() => VoucherFilter, { nullable: true, description: 'Only vouchers that match; the whole catalog when left out.' })
  filter?: VoucherFilter | null;
}
