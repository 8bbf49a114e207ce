import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes } from './connection';
import { Money } from './money.type';
import { Node } from './node.interface';

export enum VoucherOrderStatus {
  COMPLETE = 'COMPLETE',
  PENDING = 'PENDING',
  FAILED = 'FAILED',
}
registerEnumType(VoucherOrderStatus, { name: 'VoucherOrderStatus' });

export enum VoucherDeliveryStatus {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
}
registerEnumType(VoucherDeliveryStatus, { name: 'VoucherDeliveryStatus' });

@ObjectType({ description: 'A code bought with an order: secret, visible only to the person who placed the order.' })
export class VoucherCode {
  @Field(() => String)
  code!: string;

  @Field(() => String, { nullable: true })
  pin?: string | null;

  @Field(() => String, { nullable: true })
  validity?: string | null;

  @Field(() => Money)
  value!: Money;
}

/** `voucher` is resolved from `productId` by the order resolver (batched with node lookups). */
@ObjectType({ implements: Node })
export class VoucherOrder implements Node {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  orderId!: string;

  /** Xoxoday's productId of the voucher bought; not a field. */
  productId!: string;

  @Field(() => Int)
  quantity!: number;

  @Field(() => Money)
  total!: Money;

  @Field(() => VoucherOrderStatus)
  status!: VoucherOrderStatus;

  @Field(() => VoucherDeliveryStatus)
  deliveryStatus!: VoucherDeliveryStatus;

  @Field(() => [VoucherCode])
  codes!: VoucherCode[];

  @Field(() => Date)
  placedAt!: Date;
}

export const { Edge: VoucherOrderEdge, Connection: VoucherOrderConnection } = connectionTypes(VoucherOrder, 'VoucherOrder');
