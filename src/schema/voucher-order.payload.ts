import { Field, ObjectType } from 'type-graphql';
import { UserError } from './user-error.type';
import { VoucherOrder } from './voucher-order.type';

@ObjectType()
export class PlaceVoucherOrderPayload {
  @Field(() => VoucherOrder, { nullable: true })
  order?: VoucherOrder | null;

  @Field(() => [UserError])
  userErrors!: UserError[];

  @Field(() => String, { nullable: true })
  clientMutationId?: string | null;
}
