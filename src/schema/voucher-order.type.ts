import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Asset } from './asset.interface';
import { AssetKind } from './asset-kind.enum';
import { Provider } from './provider.enum';
import { connectionTypes } from './connection';
import { Money } from './money.type';
import { Node } from './node.interface';

import { VoucherDeliveryStatus, VoucherOrderStatus } from './voucher-order.enums';

export { VoucherDeliveryStatus, VoucherOrderStatus };

/**
 * One code of an order, as an Asset of its owner: its global id is `VoucherCode:<poNumber>:<index>`
 * and node(id) answers it to the order's owner only. `name`, `description` and `imageUrl` come from
 * the voucher product (voucher-code.resolver.ts); the object is only ever made from the owner's rows.
 */
@ObjectType({ description: 'A code bought with an order: secret, visible only to the person who placed the order.', implements: [Node, Asset] })
export class VoucherCode implements Asset {
  // Declared here rather than inherited: `value` is non-null for a code (the contract's `Money!`).
  id!: string;
  provider!: Provider;
  assetKind!: AssetKind;
  name!: string;
  description?: string | null;
  imageUrl?: string | null;
  acquiredAt?: Date | null;

  @Field(() => String, { description: 'The voucher code to redeem at the merchant. Secret: never logged, shown to the order\'s owner only.' })
  code!: string;

  @Field(() => String, { nullable: true, description: 'The PIN that goes with the code, for merchants that ask for one; null otherwise. Secret, like the code.' })
  pin?: string | null;

  @Field(() => String, { nullable: true, description: 'Until when the code can be used, as Xoxoday gives it (a date, or words such as "12 months"); null when it does not say.' })
  validity?: string | null;

  @Field(() => Money, { description: "The code's face value." })
  value!: Money;

  /** The order's poNumber and the code's place in it: the node key. Not fields. */
  poNumber!: string;
  index!: number;
  /** Xoxoday's productId of the voucher; not a field. */
  productId!: string;
}

/** `voucher` is resolved from `productId` by the order resolver (batched with node lookups). */
@ObjectType({
  description: "An order of Xoxoday vouchers placed by a viewer and paid from the company's balance. Seen by the viewer who placed it only (node(id) answers null to anyone else).",
  implements: Node,
})
export class VoucherOrder implements Node {
  @Field(() => ID, { description: 'Globally unique and opaque: `node(id:)` answers the order to its owner.' })
  id!: string;

  @Field(() => String, { description: "Xoxoday's order id: what Xoxoday support asks for." })
  orderId!: string;

  /** Xoxoday's productId of the voucher bought; not a field. */
  productId!: string;

  @Field(() => Int, { description: 'How many vouchers the order bought: 1 to 10.' })
  quantity!: number;

  @Field(() => Money, { description: "The order's total as Xoxoday states it (its orderTotal: denomination times quantity), in the voucher's currency." })
  total!: Money;

  @Field(() => VoucherOrderStatus, { description: 'Whether Xoxoday completed the purchase.' })
  status!: VoucherOrderStatus;

  @Field(() => VoucherDeliveryStatus, { description: 'Whether the codes have arrived.' })
  deliveryStatus!: VoucherDeliveryStatus;

  @Field(() => [VoucherCode], { description: 'One code per voucher bought, once delivered; empty while deliveryStatus is PENDING.' })
  codes!: VoucherCode[];

  @Field(() => Date, { description: 'When the gateway placed the order.' })
  placedAt!: Date;
}

export const { Edge: VoucherOrderEdge, Connection: VoucherOrderConnection } = connectionTypes(VoucherOrder, 'VoucherOrder', { noun: 'voucher order' });
