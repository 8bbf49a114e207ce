/** The voucher order enums, apart from the object types so that the store can use them without type-graphql's decorators. */
import { registerEnumType } from 'type-graphql';

export enum VoucherOrderStatus {
  COMPLETE = 'COMPLETE',
  PENDING = 'PENDING',
  FAILED = 'FAILED',
}
registerEnumType(VoucherOrderStatus, {
  name: 'VoucherOrderStatus',
  description: 'Whether Xoxoday completed the purchase (Xoxoday\'s `orderStatus`).',
  valuesConfig: {
    COMPLETE: { description: 'Bought and charged to the company balance.' },
    PENDING: { description: 'Xoxoday is still processing it.' },
    FAILED: { description: 'Xoxoday could not complete it; nothing was bought.' },
  },
});

export enum VoucherDeliveryStatus {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
}
registerEnumType(VoucherDeliveryStatus, {
  name: 'VoucherDeliveryStatus',
  description: 'Whether the codes of an order have arrived (Xoxoday\'s `deliveryStatus`).',
  valuesConfig: {
    PENDING: { description: 'Not yet (a DELAYED voucher): `codes` is empty until Xoxoday delivers.' },
    DELIVERED: { description: 'The codes are in `codes`.' },
  },
});
