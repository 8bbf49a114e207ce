/**
 * The Xoxoday domain on Postgres and Redis: the catalog replaced in a transaction, products cached by
 * id, orders and their idempotency claims decided by Postgres, the credential lock in Redis.
 */
import { startStack, type Stack } from '../helpers/stack';
import { TOKEN_ROUTE, ops } from '../helpers/xoxoday';
import { MyVoucherOrdersDocument, PlaceVoucherOrderDocument, VoucherIdsDocument, VoucherNodesDocument, VoucherBalanceDocument } from '../generated/graphql';
import { toGlobalId } from '../../src/schema/global-id';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ postgres: true, redis: true });
});
afterAll(() => stack.stop());

it('serves the catalog, node lookups and idempotent orders on Postgres and Redis', async () => {
  const ids = ['10003', '10009', '10011'].map((id) => toGlobalId('Voucher', id));
  const nodes = await stack.gql(VoucherNodesDocument, { ids }, { sub: 'alice' });
  expect(nodes.data.nodes.map((n: { productId: string }) => n.productId)).toEqual(['10003', '10009', '10011']);

  const pageOne = await stack.gql(VoucherIdsDocument, { first: 100, filter: { currency: 'USD' } }, { sub: 'alice' });
  expect(pageOne.data.vouchers.nodes).toHaveLength(24);
  expect(pageOne.data.vouchers.pageInfo.hasNextPage).toBe(false);
  expect((await ops(stack)).getVouchers).toBe(3); // one includeProducts, two pages of the sync

  const input = { voucherId: toGlobalId('Voucher', '10002'), denomination: '10', quantity: 1, idempotencyKey: 'pg-concurrent' };
  const results = await Promise.all(Array.from({ length: 10 }, () => stack.gql(PlaceVoucherOrderDocument, { input }, { sub: 'alice' })));
  expect(new Set(results.map((r) => r.data.placeVoucherOrder.order.orderId)).size).toBe(1);
  expect((await ops(stack)).placeOrder).toBe(1);
  expect((await stack.gql(VoucherBalanceDocument, {}, { sub: 'admin', admin: true })).data.voucherBalance.amount).toBe('9990.00');

  const mine = await stack.gql(MyVoucherOrdersDocument, { first: 10 }, { sub: 'alice' });
  expect(mine.data.viewer.voucherOrders.edges).toHaveLength(1);
  expect(mine.data.viewer.voucherOrders.edges[0].node.codes).toEqual(results[0]!.data.placeVoucherOrder.order.codes);

  // A refresh under the Redis lock, with the rotated grant stored in Postgres.
  await stack.control('POST', '/_sandbox/xoxoday/tokens/expire');
  const before = stack.sandbox.stats.count(TOKEN_ROUTE);
  const balances = await Promise.all(Array.from({ length: 5 }, () => stack.gql(VoucherBalanceDocument, {}, { sub: 'admin', admin: true })));
  expect(balances.map((b) => b.errors)).toEqual(Array(5).fill(undefined));
  expect(stack.sandbox.stats.count(TOKEN_ROUTE) - before).toBe(1);
});
