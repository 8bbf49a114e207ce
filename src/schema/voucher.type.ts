import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Asset } from './asset.interface';
import { connectionTypes } from './connection';
import { Node } from './node.interface';

export enum VoucherValueType {
  FIXED_DENOMINATIONS = 'FIXED_DENOMINATIONS',
  OPEN_VALUE = 'OPEN_VALUE',
}
registerEnumType(VoucherValueType, {
  name: 'VoucherValueType',
  description: 'How the face value of a voucher is chosen (Xoxoday\'s `valueType`).',
  valuesConfig: {
    FIXED_DENOMINATIONS: { description: 'Sold in the face values listed in `denominations` only.' },
    OPEN_VALUE: { description: 'Any face value from `minValue` to `maxValue`, with at most two decimals.' },
  },
});

export enum DeliveryType {
  REALTIME = 'REALTIME',
  DELAYED = 'DELAYED',
}
registerEnumType(DeliveryType, {
  name: 'DeliveryType',
  description: 'When Xoxoday delivers the codes of an order (Xoxoday\'s `deliveryType`).',
  valuesConfig: {
    REALTIME: { description: 'The codes come with the order.' },
    DELAYED: { description: 'The codes come later: the order stays deliveryStatus PENDING, without codes, until Xoxoday delivers.' },
  },
});

/** A Xoxoday product; `id`, `provider`, `name`, `description` and `imageUrl` come from Asset. */
@ObjectType({ description: 'A voucher product in the Xoxoday catalog.', implements: [Node, Asset] })
export class Voucher extends Asset {
  @Field(() => String, { description: "Xoxoday's productId." })
  productId!: string;

  @Field(() => String, { description: 'ISO 4217 code of its face values and price, upper case ("USD").' })
  currency!: string;

  @Field(() => [String], { description: 'ISO 3166-1 alpha-2 codes, upper case, of the countries it can be redeemed in.' })
  countries!: string[];

  @Field(() => [String], { description: "Xoxoday's categories for it, such as \"Food & Drinks\"; may be empty." })
  categories!: string[];

  @Field(() => VoucherValueType, { description: 'Whether it is sold in fixed denominations or any value in a range.' })
  valueType!: VoucherValueType;

  @Field(() => [String], { description: 'Decimal strings, for FIXED_DENOMINATIONS.' })
  denominations!: string[];

  @Field(() => String, { nullable: true, description: 'The lowest face value one voucher may have, a decimal string in `currency`; null when Xoxoday gives none.' })
  minValue?: string | null;

  @Field(() => String, { nullable: true, description: 'The highest face value one voucher may have, a decimal string in `currency`; null when Xoxoday gives none.' })
  maxValue?: string | null;

  @Field(() => DeliveryType, { description: 'Whether the codes come with the order or later.' })
  deliveryType!: DeliveryType;

  @Field(() => String, { nullable: true, description: 'How to use a code at the merchant, as Xoxoday writes it (may hold HTML).' })
  redemptionInstructions?: string | null;

  @Field(() => String, { nullable: true, description: "The merchant's terms and conditions, as Xoxoday writes them (may hold HTML)." })
  termsAndConditions?: string | null;

  @Field(() => String, { nullable: true, description: 'How long a code stays valid after purchase, as Xoxoday words it ("12 months").' })
  expiryAndValidity?: string | null;
}

export const { Edge: VoucherEdge, Connection: VoucherConnection } = connectionTypes(Voucher, 'Voucher', { noun: 'voucher' });
