import fs from 'node:fs';
import path from 'node:path';
import { startStack, type Stack } from '../helpers/stack';

/*
 * The README's Xoxoday walk-through, line by line: each `gql "$TOKEN" '…'` / `gql "$ADMIN" '…'` of its
 * shell block is sent as written (alice's token, an admin's), twice, with the README's rerun step
 * (`POST /_sandbox/reset`) in between.
 */

const HEADING = '## Walk-through: Xoxoday vouchers (catalog → order)';

function walkThroughRequests(): Array<{ as: 'TOKEN' | 'ADMIN'; body: { query: string } }> {
  const readme = fs.readFileSync(path.resolve(__dirname, '..', '..', 'README.md'), 'utf8');
  const start = readme.indexOf(HEADING);
  expect(start).toBeGreaterThanOrEqual(0);
  const rest = readme.slice(start + HEADING.length);
  const section = rest.slice(0, rest.search(/\n## /) >= 0 ? rest.search(/\n## /) : undefined);
  const shell = /```sh\n([\s\S]*?)```/.exec(section)![1]!;
  return [...shell.matchAll(/^gql "\$(TOKEN|ADMIN)" '(.*)'$/gm)].map(([, as, json]) => ({ as: as as 'TOKEN' | 'ADMIN', body: JSON.parse(json!) as { query: string } }));
}

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ followResets: true });
});
afterAll(() => stack.stop());

async function walkThrough(): Promise<{ orderId: string; codes: string[] }> {
  const requests = walkThroughRequests();
  expect(requests.map((r) => r.as)).toEqual(['TOKEN', 'TOKEN', 'TOKEN', 'ADMIN']);
  const send = async (i: number) => {
    const { as, body } = requests[i]!;
    const res = await stack.gql(body.query, undefined, as === 'ADMIN' ? { sub: 'ops', admin: true } : { sub: 'alice' });
    expect(res.errors).toBeUndefined();
    return res.data;
  };

  const catalog = await send(0);
  expect(catalog.vouchers.edges[0].node).toMatchObject({ id: 'Vm91Y2hlcjoxMDAwMg', productId: '10002', name: 'Saffron Street Dining United States', valueType: 'FIXED_DENOMINATIONS' });
  const placed = (await send(1)).placeVoucherOrder;
  expect(placed).toMatchObject({ userErrors: [], order: { status: 'COMPLETE', deliveryStatus: 'DELIVERED', total: { amount: '50.00', currency: 'USD' } } });
  expect(placed.order.codes).toHaveLength(2);
  // The idempotencyKey makes a retry return the same order.
  expect((await send(1)).placeVoucherOrder).toEqual(placed);
  const mine = (await send(2)).viewer.voucherOrders.edges.map((e: { node: { orderId: string } }) => e.node.orderId);
  expect(mine).toEqual([placed.order.orderId]);
  expect((await send(3)).voucherBalance).toEqual({ amount: '9950.00', currency: 'USD' });
  return { orderId: placed.order.orderId, codes: placed.order.codes.map((c: { code: string }) => c.code) };
}

let first: { orderId: string; codes: string[] };

it('works as written: the catalog, an order of two vouchers, my orders and the balance', async () => {
  first = await walkThrough();
});

it('works again, as written, after the README’s rerun step (POST /_sandbox/reset)', async () => {
  const reset = await fetch(`${stack.sandbox.url}/_sandbox/reset`, { method: 'POST' });
  expect(reset.status).toBe(200);
  // The same idempotencyKey buys again from the reset sandbox (new codes), instead of replaying an
  // order that sandbox no longer has, and the voucher operations need no restart.
  const second = await walkThrough();
  expect(second.codes).not.toEqual(first.codes);
  expect((await fetch(`${stack.baseUrl}/readyz`)).status).toBe(200);
});
