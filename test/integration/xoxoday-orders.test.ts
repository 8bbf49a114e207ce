/**
 * placeVoucherOrder and the viewer's orders: one purchase per (viewer, idempotencyKey) however it is
 * retried, Xoxoday's refusals as userErrors, codes for the owner only and never in a log.
 */
import { startStack, type Stack } from '../helpers/stack';
import { clearCounts, ops, sameStore } from '../helpers/xoxoday';
import { MyVoucherOrdersDocument, PlaceVoucherOrderDocument, VoucherBalanceDocument, VoucherNodeDocument, VoucherNodesDocument, type PlaceVoucherOrderInput } from '../generated/graphql';
import { toGlobalId } from '../../src/schema/global-id';

const admin = { sub: 'ops-admin', admin: true };
const USD_FIXED = toGlobalId('Voucher', '10002');
const PLACE_ORDER = 'plumProAPI.mutation.placeOrder';
/**
 * Every code and PIN the tests saw: none may ever appear in the gateway's logs. PINs are six digits, so
 * they are looked for as JSON strings: bare, they would also match inside timestamps by chance.
 */
const secrets: string[] = [];
const remember = (codes: Array<{ code: string; pin: string | null }>) => {
  for (const c of codes) secrets.push(c.code, ...(c.pin ? [`"${c.pin}"`] : []));
};

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());

async function place(s: Stack, sub: string, input: Partial<PlaceVoucherOrderInput> & { idempotencyKey: string }) {
  const res = await s.gql(PlaceVoucherOrderDocument, { input: { voucherId: USD_FIXED, denomination: '25.00', ...input } }, { sub });
  expect(res.errors).toBeUndefined();
  const payload = res.data.placeVoucherOrder;
  remember(payload.order?.codes ?? []);
  return payload;
}

async function balance(s: Stack): Promise<string> {
  return (await s.gql(VoucherBalanceDocument, {}, admin)).data.voucherBalance.amount;
}

describe('placeVoucherOrder', () => {
  it('buys the vouchers and answers the order with its codes, total and voucher', async () => {
    const before = await balance(stack);
    const payload = await place(stack, 'alice', { idempotencyKey: 'first-order', quantity: 2, denomination: '25', clientMutationId: 'm-1' });
    expect(payload.userErrors).toEqual([]);
    expect(payload.clientMutationId).toBe('m-1');
    expect(payload.order).toMatchObject({
      quantity: 2,
      total: { amount: '50.00', currency: 'USD' },
      status: 'COMPLETE',
      deliveryStatus: 'DELIVERED',
      voucher: { id: USD_FIXED, productId: '10002' },
    });
    expect(payload.order!.codes).toHaveLength(2);
    expect(payload.order!.codes[0]).toMatchObject({ code: expect.stringMatching(/^[0-9A-F-]{19}$/), value: { amount: '25.00', currency: 'USD' } });
    expect(Number(before) - Number(await balance(stack))).toBe(50);
  });

  it('returns the same order for the same key retried, and charges once', async () => {
    const first = await place(stack, 'alice', { idempotencyKey: 'retry-me' });
    const afterFirst = await balance(stack);
    await stack.control('DELETE', '/_sandbox/xoxoday/ops');
    const again = await place(stack, 'alice', { idempotencyKey: 'retry-me', denomination: '25' });
    expect(again.order).toEqual(first.order);
    expect(await balance(stack)).toBe(afterFirst);
    expect((await ops(stack)).placeOrder ?? 0).toBe(0);
  });

  it('places one order for ten concurrent requests with the same key', async () => {
    const before = await balance(stack);
    await stack.control('DELETE', '/_sandbox/xoxoday/ops');
    const payloads = await Promise.all(Array.from({ length: 10 }, () => place(stack, 'alice', { idempotencyKey: 'concurrent', denomination: '10' })));
    expect(new Set(payloads.map((p) => p.order!.orderId)).size).toBe(1);
    expect((await ops(stack)).placeOrder).toBe(1);
    expect(Number(before) - Number(await balance(stack))).toBe(10);
  });

  it('refuses the same key for a different order, and never mixes up two viewers with the same key', async () => {
    const mine = await place(stack, 'alice', { idempotencyKey: 'shared-key' });
    const changed = await place(stack, 'alice', { idempotencyKey: 'shared-key', quantity: 3 });
    expect(changed.order).toBeNull();
    expect(changed.userErrors).toEqual([{ code: 'INVALID_INPUT', message: expect.stringContaining('already used'), field: ['input', 'idempotencyKey'] }]);
    const bobs = await place(stack, 'bob', { idempotencyKey: 'shared-key' });
    expect(bobs.order!.orderId).not.toBe(mine.order!.orderId);
  });

  it('maps what Xoxoday refuses to userErrors, and lets the same key succeed once the cause is fixed', async () => {
    const denomination = await place(stack, 'alice', { idempotencyKey: 'bad-denomination', denomination: '7' });
    expect(denomination).toMatchObject({ order: null, userErrors: [{ code: 'INVALID_DENOMINATION', field: ['input', 'denomination'] }] });
    const openTooSmall = await place(stack, 'alice', { idempotencyKey: 'open-small', voucherId: toGlobalId('Voucher', '10004'), denomination: '19.99' });
    expect(openTooSmall.userErrors[0]!.code).toBe('INVALID_DENOMINATION');
    const quantity = await place(stack, 'alice', { idempotencyKey: 'too-many', voucherId: '10006', denomination: '1000', quantity: 3 });
    expect(quantity).toMatchObject({ order: null, userErrors: [{ code: 'QUANTITY_TOO_LARGE', field: ['input', 'quantity'] }] });

    await stack.control('POST', '/_sandbox/xoxoday/balance', { value: 1, currency: 'USD' });
    const broke = await place(stack, 'alice', { idempotencyKey: 'needs-money' });
    expect(broke).toMatchObject({ order: null, userErrors: [{ code: 'INSUFFICIENT_BALANCE' }] });
    await stack.control('POST', '/_sandbox/xoxoday/balance', { value: 10000, currency: 'USD' });
    const paid = await place(stack, 'alice', { idempotencyKey: 'needs-money' });
    expect(paid.userErrors).toEqual([]);
    expect(paid.order!.total).toEqual({ amount: '25.00', currency: 'USD' });
  });

  it('checks its input before calling Xoxoday', async () => {
    await stack.control('DELETE', '/_sandbox/xoxoday/ops');
    const malformed = await place(stack, 'alice', { idempotencyKey: 'k', denomination: '25.5.5', quantity: 0, voucherId: toGlobalId('Token', 'x') });
    expect(malformed.order).toBeNull();
    expect(malformed.userErrors.map((e: { code: string; field: string[] }) => [e.code, e.field])).toEqual([
      ['INVALID_INPUT', ['input', 'voucherId']],
      ['INVALID_DENOMINATION', ['input', 'denomination']],
      ['INVALID_INPUT', ['input', 'quantity']],
    ]);
    const blankKey = await place(stack, 'alice', { idempotencyKey: '  ' });
    expect(blankKey.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'idempotencyKey'] })]);
    expect((await ops(stack)).placeOrder ?? 0).toBe(0);
    const unknown = await place(stack, 'alice', { idempotencyKey: 'unknown-voucher', voucherId: '99999' });
    expect(unknown.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'voucherId'] })]);
  });

  it('finds an order whose answer was lost by its poNumber, and records it without placing it again', async () => {
    const before = await balance(stack);
    await clearCounts(stack);
    // Xoxoday places the order, then the connection drops before its answer leaves.
    await stack.control('POST', '/_sandbox/faults', { provider: 'xoxoday', bodyIncludes: PLACE_ORDER, afterAction: true, drop: true, times: 1 });
    const lost = await stack.gql(PlaceVoucherOrderDocument, { input: { voucherId: USD_FIXED, denomination: '50', idempotencyKey: 'lost-answer' } }, { sub: 'carol' });
    expect(lost.errors![0]!.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', provider: 'XOXODAY' });
    const payload = await place(stack, 'carol', { idempotencyKey: 'lost-answer', denomination: '50' });
    expect(payload.order).toMatchObject({ total: { amount: '50.00', currency: 'USD' }, codes: [expect.anything()] });
    expect(Number(before) - Number(await balance(stack))).toBe(50);
    // Found by poNumber: one placeOrder in all, never a second one leaning on Xoxoday's poNumber replay.
    expect(await ops(stack)).toMatchObject({ placeOrder: 1, getOrderDetails: 1 });
    expect((await place(stack, 'carol', { idempotencyKey: 'lost-answer', denomination: '50' })).order).toEqual(payload.order);
  });

  it('looks in the order history when getOrderDetails will not take a poNumber', async () => {
    await clearCounts(stack);
    await stack.control('POST', '/_sandbox/faults', { provider: 'xoxoday', bodyIncludes: PLACE_ORDER, afterAction: true, drop: true, times: 1 });
    // As a Xoxoday that reads only orderId there would answer: a validation error.
    await stack.control('POST', '/_sandbox/faults', {
      provider: 'xoxoday',
      bodyIncludes: '"poNumber":"rg-',
      status: 400,
      body: { code: 400, errorId: 'PLE10001', errorInfo: 'orderId: is required', error: 'Validation error' },
      times: 1,
    });
    const lost = await stack.gql(PlaceVoucherOrderDocument, { input: { voucherId: USD_FIXED, denomination: '10', idempotencyKey: 'lost-in-history' } }, { sub: 'carol' });
    expect(lost.errors![0]!.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', provider: 'XOXODAY' });
    const payload = await place(stack, 'carol', { idempotencyKey: 'lost-in-history', denomination: '10' });
    expect(payload.order).toMatchObject({ total: { amount: '10.00', currency: 'USD' }, codes: [expect.anything()] });
    // (ops count the calls Xoxoday's handler saw: the refused getOrderDetails by poNumber is not among them)
    expect(await ops(stack)).toEqual({ placeOrder: 1, getOrderHistory: 1, getOrderDetails: 1 });
  });

  it('places the order once when the lost attempt never reached Xoxoday, after looking for it', async () => {
    await clearCounts(stack);
    await stack.control('POST', '/_sandbox/faults', { provider: 'xoxoday', bodyIncludes: PLACE_ORDER, drop: true, times: 1 });
    const lost = await stack.gql(PlaceVoucherOrderDocument, { input: { voucherId: USD_FIXED, denomination: '5', idempotencyKey: 'never-arrived' } }, { sub: 'carol' });
    expect(lost.errors![0]!.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', provider: 'XOXODAY' });
    const payload = await place(stack, 'carol', { idempotencyKey: 'never-arrived', denomination: '5' });
    expect(payload.order).toMatchObject({ total: { amount: '5.00', currency: 'USD' } });
    // The dropped call never reached Xoxoday's handler: one placeOrder acted, after both lookups found nothing.
    expect(await ops(stack)).toMatchObject({ placeOrder: 1, getOrderDetails: 1, getOrderHistory: 1 });
  });

  it('shows codes of a delayed product once Xoxoday delivers them', async () => {
    await stack.control('DELETE', '/_sandbox/xoxoday/ops');
    const pending = await place(stack, 'alice', { idempotencyKey: 'delayed', voucherId: toGlobalId('Voucher', '10007'), denomination: '10' });
    expect(pending.order).toMatchObject({ status: 'COMPLETE', deliveryStatus: 'PENDING', codes: [] });
    // placeOrder's own answer is shown: Xoxoday is not asked about the order it has just answered.
    expect(await ops(stack)).toMatchObject({ placeOrder: 1 });
    expect((await ops(stack)).getOrderDetails ?? 0).toBe(0);

    await stack.control('POST', '/_sandbox/clock', { advanceSeconds: 11 * 60 });
    await stack.control('DELETE', '/_sandbox/xoxoday/ops');
    const delivered = (await stack.gql(VoucherNodeDocument, { id: pending.order!.id }, { sub: 'alice' })).data.node;
    expect(delivered).toMatchObject({ deliveryStatus: 'DELIVERED', codes: [expect.objectContaining({ value: { amount: '10.00', currency: 'USD' } })] });
    remember(delivered.codes);
    expect((await ops(stack)).getOrderDetails).toBe(1);
    // Delivered is stored: reading again asks Xoxoday nothing.
    await stack.gql(VoucherNodeDocument, { id: pending.order!.id }, { sub: 'alice' });
    expect((await ops(stack)).getOrderDetails).toBe(1);
  });

  it('is safe to retry after a timeout: the retry places the order once', async () => {
    const s = await startStack({ sandbox: stack.sandbox, env: { UPSTREAM_TIMEOUT_MS: '400' } });
    try {
      await place(s, 'dave', { idempotencyKey: 'warm-up' });
      const before = await balance(s);
      await clearCounts(s);
      // Xoxoday places the order at once and answers only after the gateway gave up (400 ms).
      await s.control('POST', '/_sandbox/faults', { provider: 'xoxoday', bodyIncludes: PLACE_ORDER, afterAction: true, delayMs: 1_000, times: 1 });
      const timedOut = await s.gql(PlaceVoucherOrderDocument, { input: { voucherId: USD_FIXED, denomination: '5', idempotencyKey: 'slow' } }, { sub: 'dave' });
      expect(timedOut.errors![0]!.extensions).toMatchObject({ code: 'UPSTREAM_TIMEOUT', provider: 'XOXODAY' });
      const retried = await place(s, 'dave', { idempotencyKey: 'slow', denomination: '5' });
      expect(retried.order!.total).toEqual({ amount: '5.00', currency: 'USD' });
      expect(Number(before) - Number(await balance(s))).toBe(5);
      expect((await ops(s)).placeOrder).toBe(1);
    } finally {
      await s.control('DELETE', '/_sandbox/faults');
      await s.stop();
    }
  });

  it('after a timeout, refuses the same key for another quantity instead of recording the first order under it', async () => {
    const s = await startStack({ sandbox: stack.sandbox, env: { UPSTREAM_TIMEOUT_MS: '400' } });
    try {
      await place(s, 'dora', { idempotencyKey: 'warm-up' });
      await s.control('POST', '/_sandbox/faults', { provider: 'xoxoday', bodyIncludes: PLACE_ORDER, afterAction: true, delayMs: 1_000, times: 1 });
      const timedOut = await s.gql(PlaceVoucherOrderDocument, { input: { voucherId: USD_FIXED, denomination: '5', quantity: 1, idempotencyKey: 'lost' } }, { sub: 'dora' });
      expect(timedOut.errors![0]!.extensions).toMatchObject({ code: 'UPSTREAM_TIMEOUT', provider: 'XOXODAY' });
      const other = await s.gql(PlaceVoucherOrderDocument, { input: { voucherId: USD_FIXED, denomination: '5', quantity: 2, idempotencyKey: 'lost' } }, { sub: 'dora' });
      expect(other.data.placeVoucherOrder).toMatchObject({ order: null, userErrors: [{ code: 'INVALID_INPUT', field: ['input', 'idempotencyKey'] }] });
      const same = await place(s, 'dora', { idempotencyKey: 'lost', denomination: '5' });
      expect(same.order).toMatchObject({ quantity: 1, total: { amount: '5.00', currency: 'USD' } });
    } finally {
      await s.control('DELETE', '/_sandbox/faults');
      await s.stop();
    }
  });

  it('tells a repeat on another instance, while the first still acts, to come back: RATE_LIMITED with retryAfterSeconds after at most 2 s', async () => {
    // Two instances of one deployment that wait long enough for a slow Xoxoday.
    const env = sameStore(stack, { UPSTREAM_TIMEOUT_MS: '10000' });
    const [one, two] = await Promise.all([startStack({ sandbox: stack.sandbox, env }), startStack({ sandbox: stack.sandbox, env })]);
    try {
      await place(one, 'erin', { idempotencyKey: 'warm-up-twin' });
      await clearCounts(stack);
      // Xoxoday acts at once and answers after 5 s: the first instance holds the key meanwhile.
      await stack.control('POST', '/_sandbox/faults', { provider: 'xoxoday', bodyIncludes: PLACE_ORDER, afterAction: true, delayMs: 5_000, times: 1 });
      const input = { input: { voucherId: USD_FIXED, denomination: '5', idempotencyKey: 'twin' } };
      const first = one.gql(PlaceVoucherOrderDocument, input, { sub: 'erin' });
      await new Promise((resolve) => setTimeout(resolve, 300));
      const started = Date.now();
      const twin = await two.gql(PlaceVoucherOrderDocument, input, { sub: 'erin' });
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(twin.errors![0]!.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
      expect(twin.errors![0]!.extensions!.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      const answered = (await first).data.placeVoucherOrder;
      expect(answered.userErrors).toEqual([]);
      expect((await two.gql(PlaceVoucherOrderDocument, input, { sub: 'erin' })).data.placeVoucherOrder).toEqual(answered);
      expect((await ops(stack)).placeOrder).toBe(1);
    } finally {
      await Promise.all([one.stop(), two.stop()]);
    }
  });

  it('places one order when two gateways on one store receive the same key at once', async () => {
    const second = await startStack({ sandbox: stack.sandbox, env: sameStore(stack) });
    try {
      await clearCounts(stack);
      const payloads = await Promise.all(
        Array.from({ length: 8 }, (_, i) => place(i % 2 === 0 ? stack : second, 'erin', { idempotencyKey: 'two-gateways', denomination: '5' })),
      );
      expect(new Set(payloads.map((p) => p.order!.orderId)).size).toBe(1);
      expect((await ops(stack)).placeOrder).toBe(1);
    } finally {
      await second.stop();
    }
  });
});

describe('orders and their owners', () => {
  it('lists the viewer’s own orders, newest first, in pages', async () => {
    const ids: string[] = [];
    for (const key of ['f-1', 'f-2', 'f-3']) ids.push((await place(stack, 'frank', { idempotencyKey: key, denomination: '5' })).order!.orderId);
    const first = (await stack.gql(MyVoucherOrdersDocument, { first: 2 }, { sub: 'frank' })).data.viewer.voucherOrders;
    expect(first.edges.map((e: { node: { orderId: string } }) => e.node.orderId)).toEqual([ids[2], ids[1]]);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const rest = (await stack.gql(MyVoucherOrdersDocument, { first: 2, after: first.pageInfo.endCursor }, { sub: 'frank' })).data.viewer.voucherOrders;
    expect(rest.edges.map((e: { node: { orderId: string } }) => e.node.orderId)).toEqual([ids[0]]);
    expect(rest.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const someoneElse = (await stack.gql(MyVoucherOrdersDocument, { first: 100 }, { sub: 'grace' })).data.viewer.voucherOrders;
    expect(someoneElse.edges).toEqual([]);
  });

  it('hides someone else’s order: node and nodes answer null', async () => {
    const alices = await place(stack, 'alice', { idempotencyKey: 'private' });
    const bobs = await place(stack, 'bob', { idempotencyKey: 'private' });
    expect((await stack.gql(VoucherNodeDocument, { id: alices.order!.id }, { sub: 'bob' })).data.node).toBeNull();
    const both = (await stack.gql(VoucherNodesDocument, { ids: [alices.order!.id, bobs.order!.id] }, { sub: 'bob' })).data.nodes;
    expect(both[0]).toBeNull();
    expect(both[1]).toMatchObject({ __typename: 'VoucherOrder', orderId: bobs.order!.orderId, codes: bobs.order!.codes });
    expect((await stack.gql(VoucherNodeDocument, { id: alices.order!.id }, { sub: 'alice' })).data.node.codes).toEqual(alices.order!.codes);
  });

  it('stores the codes encrypted', async () => {
    const rows = await stack.gateway.services.store.db.selectFrom('voucher_orders').select('codes').execute();
    expect(rows.length).toBeGreaterThan(0);
    const raw = rows.map((r) => r.codes).join('\n');
    for (const secret of secrets) expect(raw).not.toContain(secret.replace(/"/g, ''));
  });
});

describe('voucherBalance', () => {
  it('is for admins only', async () => {
    const res = await stack.gql(VoucherBalanceDocument, {}, { sub: 'alice' });
    expect(res.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await stack.gql(VoucherBalanceDocument, {}, admin)).data.voucherBalance).toEqual({ amount: expect.stringMatching(/^\d+\.\d{2}$/), currency: 'USD' });
  });
});

describe('logs', () => {
  it('never contain a voucher code or PIN', () => {
    expect(secrets.length).toBeGreaterThan(20);
    const logs = stack.logs();
    expect(logs).toContain('voucher order placed');
    for (const secret of secrets) expect(logs).not.toContain(secret);
  });
});
