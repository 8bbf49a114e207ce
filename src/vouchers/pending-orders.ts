/**
 * Orders still waiting for delivery (delayed vouchers), brought up to date when their owner reads them:
 * getOrderDetails, and the new status and codes stored. Only the account that placed an order is asked
 * about it — another account's order with the same id is another order. An order stored before accounts
 * were recorded (LEGACY_ACCOUNT) is asked about once by id, and adopted into this account only if the
 * answer carries its poNumber; otherwise it is left as stored. A failure leaves an order as it was.
 * Asked by an owner's read and by the background DeliveryFollower alike; a change is stored, then
 * announced (VoucherOrderEvents) to the order's `Subscription.voucherOrder` streams.
 */
import { LEGACY_ACCOUNT } from '../datasources/account';
import type { XoxodayRewardsClient } from '../datasources/xoxoday/rewards-client';
import type { Logger } from '../observability/logger';
import { VoucherDeliveryStatus } from '../schema/voucher-order.type';
import type { OperationScope } from '../scope';
import { codesOf, deliveryStatusOf, orderStatusOf } from './voucher-order-mapper';
import type { VoucherOrderEvents } from './voucher-order-events';
import type { VoucherOrderRecord, VoucherOrderStore } from './voucher-order-store';

export interface PendingOrdersOptions {
  rewards: XoxodayRewardsClient;
  orders: VoucherOrderStore;
  account: string;
  logger: Logger;
  events: Pick<VoucherOrderEvents, 'changed'>;
}

export class PendingOrders {
  constructor(private readonly options: PendingOrdersOptions) {}

  async refresh(scope: OperationScope, records: VoucherOrderRecord[]): Promise<VoucherOrderRecord[]> {
    return Promise.all(records.map((record) => (record.deliveryStatus === VoucherDeliveryStatus.PENDING ? this.refreshOne(scope, record) : record)));
  }

  /** One pending order brought up to date (unchanged when Xoxoday could not be asked). */
  async refreshOne(scope: OperationScope, record: VoucherOrderRecord): Promise<VoucherOrderRecord> {
    const { account, rewards, orders, logger } = this.options;
    if (record.account !== account && record.account !== LEGACY_ACCOUNT) return record;
    try {
      const wire = await rewards.getOrderDetails(scope, record.orderId);
      let current = record;
      if (record.account === LEGACY_ACCOUNT) {
        if (wire.poNumber !== record.poNumber || !(await orders.adopt(record, account))) return record;
        current = { ...record, account };
        logger.info({ provider: 'XOXODAY', orderId: record.orderId }, 'an order stored before accounts were recorded is this account’s (its poNumber matches): adopted');
      }
      const next: VoucherOrderRecord = { ...current, status: orderStatusOf(wire.orderStatus), deliveryStatus: deliveryStatusOf(wire.deliveryStatus), codes: codesOf(wire) };
      if (next.deliveryStatus !== record.deliveryStatus || next.status !== record.status) {
        await orders.updateDelivery(next);
        this.options.events.changed(next);
      }
      return next;
    } catch (err) {
      logger.warn({ provider: 'XOXODAY', orderId: record.orderId, code: (err as { code?: string }).code }, 'could not refresh a pending voucher order');
      return record;
    }
  }
}
