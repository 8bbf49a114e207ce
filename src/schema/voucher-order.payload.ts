import { Field, ObjectType } from 'type-graphql';
import { UserError } from './user-error.type';
import { VoucherOrder } from './voucher-order.type';

@ObjectType({ description: 'What placeVoucherOrder answers: the order (the first one again for a repeated idempotencyKey), or why not.' })
export class PlaceVoucherOrderPayload {
  @Field(() => VoucherOrder, { nullable: true, description: 'The order with its codes (when delivered); null when refused.' })
  order?: VoucherOrder | null;

  @Field(() => [UserError], { description: 'Why the order was refused (INVALID_DENOMINATION, QUANTITY_TOO_LARGE, INSUFFICIENT_BALANCE, INVALID_INPUT); empty when it succeeded. A refusal is not remembered: the same key may succeed later.' })
  userErrors!: UserError[];

  @Field(() => String, { nullable: true, description: 'The input\'s clientMutationId, echoed.' })
  clientMutationId?: string | null;
}
