/**
 * A voucher order's stream: the store is the truth, the pubsub a shortcut. A change is pushed after its
 * message, after the periodic re-read when the message was lost, and after the first read when it was
 * announced while that read was in flight; the stream ends once the order is settled.
 */
import { createPubSub } from '@graphql-yoga/subscription';
import { VoucherDeliveryStatus, VoucherOrderStatus } from '../../src/schema/voucher-order.enums';
import { VoucherOrderEvents } from '../../src/vouchers/voucher-order-events';
import type { AppPubSub } from '../../src/pubsub';
import type { VoucherOrderRecord } from '../../src/vouchers/voucher-order-store';

const PO = 'rg-0123456789abcdef0123456789abcdef';
const base: VoucherOrderRecord = {
  account: 'xoxoday:test',
  orderId: '7000001',
  poNumber: PO,
  ownerId: 'ann',
  productId: '10007',
  denomination: '10.00',
  quantity: 1,
  totalAmount: '10.00',
  totalCurrency: 'USD',
  status: VoucherOrderStatus.COMPLETE,
  deliveryStatus: VoucherDeliveryStatus.PENDING,
  codes: [],
  placedAt: new Date(),
};
const delivered: VoucherOrderRecord = { ...base, deliveryStatus: VoucherDeliveryStatus.DELIVERED, codes: [{ code: 'C-1', pin: null, validity: null, amount: '10.00', currency: 'USD' }] };

async function collect(stream: AsyncIterable<string>): Promise<string[]> {
  const seen: string[] = [];
  for await (const status of stream) seen.push(status);
  return seen;
}

it('pushes the change a message announces, then ends', async () => {
  const pubsub = createPubSub() as AppPubSub;
  const events = new VoucherOrderEvents(pubsub, 60_000);
  let stored = base;
  const load = async () => stored;
  const seen = collect(events.stream(PO, load, (r) => r.deliveryStatus));
  await new Promise((resolve) => setTimeout(resolve, 20));
  stored = delivered;
  events.changed(delivered);
  await expect(seen).resolves.toEqual(['PENDING', 'DELIVERED']);
  expect(events.openStreams).toBe(0);
});

it('finds a change whose message was lost at the next re-read of the store', async () => {
  const events = new VoucherOrderEvents(createPubSub() as AppPubSub, 100);
  let stored = base;
  const load = async () => stored;
  const seen = collect(events.stream(PO, load, (r) => r.deliveryStatus));
  await new Promise((resolve) => setTimeout(resolve, 20));
  stored = delivered;
  await expect(seen).resolves.toEqual(['PENDING', 'DELIVERED']);
});

it('reads again after the first read when a change was announced while it was in flight', async () => {
  const events = new VoucherOrderEvents(createPubSub() as AppPubSub, 60_000);
  let stored = base;
  let reads = 0;
  const load = async () => {
    if (reads++ > 0) return stored;
    // The change lands and is announced while the first read is still answering the old state.
    stored = delivered;
    events.changed(delivered);
    await new Promise((resolve) => setTimeout(resolve, 20));
    return base;
  };
  const seen = collect(events.stream(PO, load, (r) => r.deliveryStatus));
  await expect(seen).resolves.toEqual(['PENDING', 'DELIVERED']);
});

it('ends every open stream on endAll', async () => {
  const events = new VoucherOrderEvents(createPubSub() as AppPubSub, 60_000);
  const load = async () => base;
  const seen = collect(events.stream(PO, load, (r) => r.deliveryStatus));
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(events.openStreams).toBe(1);
  events.endAll();
  await expect(seen).resolves.toEqual(['PENDING']);
});
