/** Xoxoday's order answer → the stored order → the GraphQL VoucherOrder; and Xoxoday's refusals → userErrors. */
import { AssetKind } from '../schema/asset-kind.enum';
import { Money } from '../schema/money.type';
import { toGlobalId } from '../schema/global-id';
import { UserError, UserErrorCode } from '../schema/user-error.type';
import { VoucherCode, VoucherDeliveryStatus, VoucherOrder, VoucherOrderStatus } from '../schema/voucher-order.type';
import { decimalAmount } from './money';
import type { VoucherOrderRecord } from './voucher-order-store';
import { rejectionKind } from '../datasources/rejection';
import type { WireOrder } from '../datasources/xoxoday/wire';
import type { XoxodayRejectionKind } from '../datasources/xoxoday/xoxoday-rejections';
import { Provider } from '../errors';

/** What Xoxoday said of the order (read in datasources/xoxoday/wire.ts), as the API tells it. */
export function orderStatusOf(outcome: WireOrder['orderStatus']): VoucherOrderStatus {
  return outcome === 'complete' ? VoucherOrderStatus.COMPLETE : outcome === 'failed' ? VoucherOrderStatus.FAILED : VoucherOrderStatus.PENDING;
}

export function deliveryStatusOf(state: WireOrder['deliveryStatus']): VoucherDeliveryStatus {
  return state === 'delivered' ? VoucherDeliveryStatus.DELIVERED : VoucherDeliveryStatus.PENDING;
}

/** `fields` say what was asked; `currency` is the voucher's own (Xoxoday's currencyCode is the balance's). */
export function recordFromWire(
  wire: WireOrder,
  fields: { account: string; ownerId: string; poNumber: string; productId: string; denomination: string; quantity: number; currency: string; placedAt: Date },
): VoucherOrderRecord {
  return {
    ...fields,
    orderId: wire.orderId,
    totalAmount: decimalAmount(wire.orderTotal),
    totalCurrency: fields.currency,
    status: orderStatusOf(wire.orderStatus),
    deliveryStatus: deliveryStatusOf(wire.deliveryStatus),
    codes: codesOf(wire),
  };
}

export function codesOf(wire: WireOrder): VoucherOrderRecord['codes'] {
  return wire.vouchers.map((v) => ({ code: v.voucherCode, pin: v.pin, validity: v.validity, amount: decimalAmount(v.amount), currency: v.currency }));
}

export function voucherOrderOf(record: VoucherOrderRecord): VoucherOrder {
  return Object.assign(new VoucherOrder(), {
    // The poNumber: ours and unique, where Xoxoday's order id repeats across accounts.
    id: toGlobalId('VoucherOrder', record.poNumber),
    orderId: record.orderId,
    productId: record.productId,
    quantity: record.quantity,
    total: Money.of(record.totalAmount, record.totalCurrency),
    status: record.status,
    deliveryStatus: record.deliveryStatus,
    codes: record.codes.map((c, index) => voucherCodeOf(record, index)),
    placedAt: record.placedAt,
  });
}

/** The `index`th code of an order, as its owner sees it (an Asset and a Node). */
export function voucherCodeOf(record: VoucherOrderRecord, index: number): VoucherCode {
  const c = record.codes[index]!;
  return Object.assign(new VoucherCode(), {
    id: toGlobalId('VoucherCode', voucherCodeKey(record.poNumber, index)),
    provider: Provider.XOXODAY,
    assetKind: AssetKind.VOUCHER_CODE,
    // Filled from the voucher product by the VoucherCode resolver; these are what shows without one.
    name: `Xoxoday voucher ${record.productId}`,
    description: null,
    imageUrl: null,
    acquiredAt: record.placedAt,
    code: c.code,
    pin: c.pin,
    validity: c.validity,
    value: Money.of(c.amount, c.currency),
    poNumber: record.poNumber,
    index,
    productId: record.productId,
  });
}

/** `<poNumber>:<index>`: the key in a VoucherCode's global id. */
export function voucherCodeKey(poNumber: string, index: number): string {
  return `${poNumber}:${index}`;
}

/** The poNumber and index of a VoucherCode key, or undefined for a malformed one. */
export function parseVoucherCodeKey(key: string): { poNumber: string; index: number } | undefined {
  const match = /^(rg-[0-9a-f]{32}):(\d{1,3})$/.exec(key);
  return match ? { poNumber: match[1]!, index: Number(match[2]) } : undefined;
}

/** The userError for an order Xoxoday refused; undefined for errors that are not about the order. */
export function userErrorOf(err: unknown, input: { denomination: string; quantity: number }): UserError | undefined {
  switch (rejectionKind<XoxodayRejectionKind>(err, Provider.XOXODAY)) {
    case 'invalid-denomination':
      return UserError.of(UserErrorCode.INVALID_DENOMINATION, `${input.denomination} is not a denomination this voucher is sold in`, ['input', 'denomination']);
    case 'quantity-limit':
      return UserError.of(UserErrorCode.QUANTITY_TOO_LARGE, `${input.quantity} is more of this voucher than one order may buy`, ['input', 'quantity']);
    case 'could-not-fulfil':
      return UserError.of(UserErrorCode.INSUFFICIENT_BALANCE, "The company's Xoxoday balance does not cover this order", undefined);
    case 'order-invalid':
      // Xoxoday's own wording may echo what was sent (the company email too): not repeated to clients.
      return UserError.of(UserErrorCode.INVALID_INPUT, 'Xoxoday rejected the order as invalid; check the voucher, denomination and quantity', ['input']);
    default:
      return undefined;
  }
}
