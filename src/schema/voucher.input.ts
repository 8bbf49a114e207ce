import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { DeliveryType } from './voucher.type';

/**
 * Every field narrows the catalog; they combine (AND). Applied by the gateway over the synced catalog,
 * because Xoxoday takes one filter per call.
 */
@InputType({ description: 'Narrows the voucher catalog; the fields combine (all must hold), and any combination is exact.' })
export class VoucherFilter {
  @Field(() => String, { nullable: true, description: 'Part of the product name, any letter case.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'A country the voucher can be redeemed in: ISO code ("US") or name ("United States"), any letter case.' })
  country?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217 code of the voucher\'s currency ("USD"), any letter case.' })
  currency?: string | null;

  @Field(() => Float, { nullable: true, description: 'Lowest face value wanted, in the voucher\'s own currency: a fixed voucher with a denomination, or an open one whose range reaches, at or above it.' })
  minPrice?: number | null;

  @Field(() => Float, { nullable: true, description: 'Highest face value wanted, in the voucher\'s own currency: a fixed voucher with a denomination, or an open one whose range reaches, at or below it.' })
  maxPrice?: number | null;

  @Field(() => DeliveryType, { nullable: true, description: 'Only vouchers delivered this way.' })
  deliveryType?: DeliveryType | null;
}

@InputType({ description: "One voucher product to buy, paid from the company's Xoxoday balance." })
export class PlaceVoucherOrderInput {
  @Field(() => ID, { description: 'The voucher\'s global id (Voucher.id).' })
  voucherId!: string;

  @Field(() => String, { description: 'Face value of each voucher, a decimal string with at most two decimals in the voucher\'s currency ("25.00"): one of `denominations`, or within minValue–maxValue for an open-value voucher.' })
  denomination!: string;

  @Field(() => Int, { defaultValue: 1, description: 'How many vouchers of that value: 1 to 10 (or less when the product has a lower limit).' })
  quantity!: number;

  @Field(() => String, { description: 'Same key, same order: a retried request never buys twice.' })
  idempotencyKey!: string;

  @Field(() => String, { nullable: true, description: 'Optional; echoed in the payload (idempotencyKey is what prevents buying twice).' })
  clientMutationId?: string | null;
}
