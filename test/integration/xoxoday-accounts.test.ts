/**
 * Orders are keyed by the Xoxoday account that placed them (base URL + client id) and known by their
 * poNumber: the same store used against another account (the embedded sandbox, then `npm run sandbox`)
 * keeps both accounts' orders even when their order ids are the same, and orders stored before accounts
 * were recorded are adopted only by an account that proves it knows them.
 */
import type { Sandbox } from '../../sandbox/server';
import { startTestSandbox } from '../helpers/test-sandbox';
import { LEGACY_ACCOUNT } from '../../src/datasources/account';
import { toGlobalId } from '../../src/schema/global-id';
import { startStack, type Stack } from '../helpers/stack';
import { sameStore } from '../helpers/xoxoday';

const ORDER_FIELDS = 'id orderId deliveryStatus total { amount currency } codes { code }';
const place = (s: Stack, key: string, voucherId = '10002', denomination = '25') =>
  s.gql(`mutation { placeVoucherOrder(input: {voucherId: "${voucherId}", denomination: "${denomination}", idempotencyKey: "${key}"}) { order { ${ORDER_FIELDS} } userErrors { code } } }`, undefined, { sub: 'alice' });
const myOrders = async (s: Stack) => (await s.gql(`{ viewer { voucherOrders(first: 10) { nodes { ${ORDER_FIELDS} } } } }`, undefined, { sub: 'alice' })).data.viewer.voucherOrders.nodes;
const node = async (s: Stack, id: string) => (await s.gql(`query ($id: ID!) { node(id: $id) { ... on VoucherOrder { ${ORDER_FIELDS} } } }`, { id }, { sub: 'alice' })).data.node;

const sandboxes: Sandbox[] = [];
afterAll(async () => {
  await Promise.all(sandboxes.map((s) => s.close()));
});

it('keeps an order of one account when another account answers a new order with the same order id', async () => {
  const first = await startStack();
  const old = (await place(first, 'before-the-switch')).data.placeVoucherOrder.order;
  await first.gateway.stop();

  // Another Xoxoday (a fresh sandbox numbers its orders from 7000001 again), the same store.
  const other = await startTestSandbox();
  sandboxes.push(other);
  const second = await startStack({ sandbox: other, env: sameStore(first) });
  try {
    const placed = await place(second, "after-the-switch", "10002", "50");
    expect(placed.errors).toBeUndefined();
    const fresh = placed.data.placeVoucherOrder.order;
    expect(fresh.orderId).toBe(old.orderId);
    expect(fresh.id).not.toBe(old.id);

    const listed = await myOrders(second);
    expect(listed.map((o: { id: string }) => o.id).sort()).toEqual([old.id, fresh.id].sort());
    expect(await node(second, old.id)).toEqual(old);
    expect(await node(second, fresh.id)).toEqual(fresh);
    // The same key still names the first order, wherever it was placed.
    expect((await place(second, 'before-the-switch')).data.placeVoucherOrder.order).toEqual(old);
  } finally {
    await second.stop();
    await first.sandbox.close();
  }
});

describe('orders stored before accounts were recorded', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.stop());

  /** Turns a stored order back into what the previous version wrote: no account, codes sealed by order id. */
  async function makeLegacy(poNumberOfId: string, changes: { orderId?: string } = {}): Promise<void> {
    const { db, box } = stack.gateway.services.store;
    const row = await db.selectFrom('voucher_orders').selectAll().where('po_number', '=', poNumberOfId).executeTakeFirstOrThrow();
    const codes = box.open(row.codes, `voucher_orders:${row.account}:${row.order_id}`);
    const orderId = changes.orderId ?? row.order_id;
    await db
      .updateTable('voucher_orders')
      .set({ account: LEGACY_ACCOUNT, order_id: orderId, codes: box.seal(codes, `voucher_orders:${orderId}`) })
      .where('po_number', '=', poNumberOfId)
      .execute();
  }
  const poNumberOf = (id: string) => Buffer.from(id, 'base64url').toString().replace(/^VoucherOrder:/, '');

  it('are listed and found by their old node id (VoucherOrder:<orderId>)', async () => {
    const order = (await place(stack, 'legacy-done')).data.placeVoucherOrder.order;
    await makeLegacy(poNumberOf(order.id));
    expect(await myOrders(stack)).toContainEqual(order);
    expect(await node(stack, toGlobalId('VoucherOrder', order.orderId))).toEqual(order);
  });

  it('a pending one is adopted once this account answers its order id with its poNumber, then delivered', async () => {
    const pending = (await place(stack, 'legacy-pending', '10007', '10')).data.placeVoucherOrder.order;
    expect(pending).toMatchObject({ deliveryStatus: 'PENDING', codes: [] });
    await makeLegacy(poNumberOf(pending.id));
    await stack.control('POST', '/_sandbox/clock', { advanceSeconds: 11 * 60 });
    expect(await node(stack, pending.id)).toMatchObject({ deliveryStatus: 'DELIVERED', codes: [expect.anything()] });
    const row = await stack.gateway.services.store.db.selectFrom('voucher_orders').select('account').where('po_number', '=', poNumberOf(pending.id)).executeTakeFirstOrThrow();
    expect(row.account).not.toBe(LEGACY_ACCOUNT);
  });

  it('a pending one whose order id this account knows as another order is left as it was', async () => {
    const other = (await place(stack, 'someone-elses-id')).data.placeVoucherOrder.order;
    const pending = (await place(stack, 'legacy-pending-2', '10007', '10')).data.placeVoucherOrder.order;
    // As if it came from another account: its order id is, here, another order (with another poNumber).
    await makeLegacy(poNumberOf(pending.id), { orderId: other.orderId });
    await stack.control('POST', '/_sandbox/clock', { advanceSeconds: 11 * 60 });
    expect(await node(stack, pending.id)).toMatchObject({ orderId: other.orderId, deliveryStatus: 'PENDING', codes: [] });
    const row = await stack.gateway.services.store.db.selectFrom('voucher_orders').select('account').where('po_number', '=', poNumberOf(pending.id)).executeTakeFirstOrThrow();
    expect(row.account).toBe(LEGACY_ACCOUNT);
  });
});
