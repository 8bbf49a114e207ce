import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { DeliveryType } from './voucher.type';

/**
 * Every field narrows the catalog; they combine (AND). Applied by the gateway over the synced catalog,
 * because Xoxoday takes one filter per call.
 */
@InputType()
export class VoucherFilter {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  country?: string | null;

  @Field(() => String, { nullable: true })
  currency?: string | null;

  @Field(() => Float, { nullable: true })
  minPrice?: number | null;

  @Field(() => Float, { nullable: true })
  maxPrice?: number | null;

  @Field(() => DeliveryType, { nullable: true })
  deliveryType?: DeliveryType | null;
}

@InputType()
export class PlaceVoucherOrderInput {
  @Field(() => ID)
  voucherId!: string;

  @Field(() => String)
  denomination!: string;

  @Field(() => Int, { defaultValue: 1 })
  quantity!: number;

  @Field(() => String, { description: 'Same key, same order: a retried request never buys twice.' })
  idempotencyKey!: string;

  @Field(() => String, { nullable: true })
  clientMutationId?: string | null;
}
