import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Asset } from './asset.interface';
import { connectionTypes } from './connection';
import { Node } from './node.interface';

export enum VoucherValueType {
  FIXED_DENOMINATIONS = 'FIXED_DENOMINATIONS',
  OPEN_VALUE = 'OPEN_VALUE',
}
registerEnumType(VoucherValueType, { name: 'VoucherValueType' });

export enum DeliveryType {
  REALTIME = 'REALTIME',
  DELAYED = 'DELAYED',
}
registerEnumType(DeliveryType, { name: 'DeliveryType' });

/** A Xoxoday product; `id`, `provider`, `name`, `description` and `imageUrl` come from Asset. */
@ObjectType({ description: 'A voucher product in the Xoxoday catalog.', implements: [Node, Asset] })
export class Voucher extends Asset {
  @Field(() => String, { description: "Xoxoday's productId." })
  productId!: string;

  @Field(() => String)
  currency!: string;

  @Field(() => [String])
  countries!: string[];

  @Field(() => [String])
  categories!: string[];

  @Field(() => VoucherValueType)
  valueType!: VoucherValueType;

  @Field(() => [String], { description: 'Decimal strings, for FIXED_DENOMINATIONS.' })
  denominations!: string[];

  @Field(() => String, { nullable: true })
  minValue?: string | null;

  @Field(() => String, { nullable: true })
  maxValue?: string | null;

  @Field(() => DeliveryType)
  deliveryType!: DeliveryType;

  @Field(() => String, { nullable: true })
  redemptionInstructions?: string | null;

  @Field(() => String, { nullable: true })
  termsAndConditions?: string | null;

  @Field(() => String, { nullable: true })
  expiryAndValidity?: string | null;
}

export const { Edge: VoucherEdge, Connection: VoucherConnection } = connectionTypes(Voucher, 'Voucher');
