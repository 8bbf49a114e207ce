/**
 * Delayed voucher deliveries: followed up at Xoxoday in the background (getOrderDetails, backing off)
 * and pushed to the order's owner through `Subscription.voucherOrder`, without anyone reading the order;
 * one follower across instances sharing Postgres and Redis, picking up after a restart from the store.
 * Upstream calls are counted by the sandbox (its per-op counter).
 */
import { print } from 'graphql';
import { createClient as createSseClient } from 'graphql-sse';
import type { Sandbox } from '../../sandbox/server';
import { startTestSandbox } from '../helpers/test-sandbox';
import { toGlobalId } from '../../src/schema/global-id';
import { PlaceVoucherOrderDocument, VoucherOrderUpdatesDocument, type VoucherOrderUpdatesSubscription } from '../generated/graphql';
import { eventually } from '../helpers/app2app';
import { startStack, subscribe, type Stack } from '../helpers/stack';
import { ops } from '../helpers/xoxoday';

const DELAYED = toGlobalId('Voucher', '10007');
const REALTIME = toGlobalId('Voucher', '10002');
const SANDBOX_DELAY_S = 10 * 60;

async function place(stack: Stack, sub: string, key: string, voucherId = DELAYED) {
  const res = await stack.gql(PlaceVoucherOrderDocument, { input: { voucherId, denomination: '10', idempotencyKey: key } }, { sub });
  expect(res.errors).toBeUndefined();
  return res.data.placeVoucherOrder.order as { id: string; deliveryStatus: string };
}

function watch(stack: Stack, sub: string, id: string) {
  return subscribe<VoucherOrderUpdatesSubscription>(stack.wsClient({ sub }), VoucherOrderUpdatesDocument, { id });
}

const orderDetails = async (stack: Stack) => (await ops(stack)).getOrderDetails ?? 0;
async function streams(stack: Stack): Promise<number> {
  const { details } = (await (await fetch(`${stack.baseUrl}/readyz`)).json()) as { details: { xoxoday: { voucherOrderStreams: number } } };
  return details.xoxoday.voucherOrderStreams;
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Subscription.voucherOrder and the delivery follower', () => {
  let sandbox: Sandbox;
  let stack: Stack;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
    stack = await startStack({ sandbox, env: { VOUCHER_DELIVERY_POLL_MS: '200', VOUCHER_DELIVERY_MAX_POLL_MS: '400' } });
  });
  afterAll(async () => {
    await stack.stop();
    await sandbox.close();
  });

  it('sends the pending order at once, then its codes when Xoxoday delivers, and completes', async () => {
    const order = await place(stack, 'fern', 'delayed-1');
    expect(order.deliveryStatus).toBe('PENDING');
    const updates = watch(stack, 'fern', order.id);
    await updates.waitFor(1);
    expect(updates.events[0]!.data!.voucherOrder).toMatchObject({ id: order.id, deliveryStatus: 'PENDING', codes: [] });

    // Nobody reads the order again: the follower finds the delivery and the subscription hears of it.
    await sandbox.clock.advance(SANDBOX_DELAY_S + 60);
    const { events, error } = await updates.done;
    expect(error).toBeUndefined();
    expect(events.map((e) => e.data!.voucherOrder.deliveryStatus)).toEqual(['PENDING', 'DELIVERED']);
    expect(events[1]!.data!.voucherOrder.codes).toEqual([expect.objectContaining({ code: expect.any(String), value: { amount: '10.00', currency: 'USD' } })]);
  });

  it('reaches a subscriber over SSE as over graphql-ws', async () => {
    const order = await place(stack, 'fern', 'delayed-sse');
    const client = createSseClient({ url: stack.graphqlUrl, headers: { authorization: `Bearer ${await stack.token('fern')}` } });
    const results: Array<{ data?: VoucherOrderUpdatesSubscription | null }> = [];
    const ended = new Promise<unknown>((resolve) => {
      client.subscribe({ query: print(VoucherOrderUpdatesDocument), variables: { id: order.id } }, { next: (r) => void results.push(r as never), error: resolve, complete: () => resolve(undefined) });
    });
    try {
      await eventually(() => expect(results).toHaveLength(1), 10_000);
      await sandbox.clock.advance(SANDBOX_DELAY_S + 60);
      expect(await ended).toBeUndefined();
      expect(results.map((r) => r.data!.voucherOrder.deliveryStatus)).toEqual(['PENDING', 'DELIVERED']);
      expect(results[1]!.data!.voucherOrder.codes).toHaveLength(1);
    } finally {
      client.dispose();
    }
  });

  it('stops asking about an order once it is delivered', async () => {
    const order = await place(stack, 'fern', 'delayed-2');
    await sandbox.clock.advance(SANDBOX_DELAY_S + 60);
    const updates = watch(stack, 'fern', order.id);
    const { events } = await updates.done;
    expect(events.at(-1)!.data!.voucherOrder.deliveryStatus).toBe('DELIVERED');
    // A look the follower had begun before the order was stored delivered may still land: let it.
    await sleep(1_000);
    const asked = await orderDetails(stack);
    await sleep(1_500);
    expect(await orderDetails(stack)).toBe(asked);
  });

  it('sends a delivered order once and completes', async () => {
    const order = await place(stack, 'fern', 'realtime-1', REALTIME);
    const { events, error } = await watch(stack, 'fern', order.id).done;
    expect(error).toBeUndefined();
    expect(events).toHaveLength(1);
    expect(events[0]!.data!.voucherOrder).toMatchObject({ deliveryStatus: 'DELIVERED', codes: [expect.anything()] });
  });

  it('lets go of a stream the client leaves', async () => {
    const order = await place(stack, 'fern', 'delayed-leave');
    const updates = watch(stack, 'fern', order.id);
    await updates.waitFor(1);
    expect(await streams(stack)).toBe(1);
    updates.unsubscribe();
    await eventually(async () => expect(await streams(stack)).toBe(0));
  });

  it("answers NOT_FOUND for someone else's order and for an unknown or malformed id", async () => {
    const order = await place(stack, 'fern', 'delayed-owner');
    for (const id of [order.id, toGlobalId('VoucherOrder', 'rg-00000000000000000000000000000000'), 'not-an-id']) {
      const { events, error } = await watch(stack, 'gus', id).done;
      expect(error).toBeUndefined();
      expect(events).toEqual([{ errors: [expect.objectContaining({ path: ['voucherOrder'], extensions: { code: 'NOT_FOUND' } })] }]);
    }
  });
});

describe('following a delayed delivery', () => {
  it('completes open streams when the embedded sandbox is reset (the orders are gone)', async () => {
    const stack = await startStack({ followResets: true });
    try {
      const order = await place(stack, 'jo', 'reset');
      const updates = watch(stack, 'jo', order.id);
      await updates.waitFor(1);
      expect((await fetch(`${stack.sandbox.url}/_sandbox/reset`, { method: 'POST' })).status).toBe(200);
      const { events, error } = await updates.done;
      expect(error).toBeUndefined();
      expect(events).toHaveLength(1);
      expect(await streams(stack)).toBe(0);
    } finally {
      await stack.stop();
    }
  });

  it('backs off: each look at a pending order comes later than the one before', async () => {
    const stack = await startStack({ env: { VOUCHER_DELIVERY_POLL_MS: '200', VOUCHER_DELIVERY_MAX_POLL_MS: '1600' } });
    try {
      await place(stack, 'hal', 'backoff');
      await stack.control('DELETE', '/_sandbox/xoxoday/ops');
      await sleep(3_400);
      // Looks about 0.2, 0.6, 1.4 and 3.0 s after placing: 4 (every 200 ms without backing off: 17).
      const looks = await orderDetails(stack);
      expect(looks).toBeGreaterThanOrEqual(1);
      expect(looks).toBeLessThanOrEqual(6);
    } finally {
      await stack.stop();
    }
  });

  it('is done by one of two instances sharing Postgres and Redis, and survives the restart of the one that placed the order', async () => {
    const sandbox = await startTestSandbox();
    const env = { VOUCHER_DELIVERY_POLL_MS: '300', VOUCHER_DELIVERY_MAX_POLL_MS: '300' };
    const first = await startStack({ sandbox, postgres: true, redis: true, env });
    const order = await place(first, 'ivy', 'restart');
    await first.stop();

    const a = await startStack({ sandbox, peer: first, env });
    const b = await startStack({ sandbox, peer: first, env });
    try {
      const updates = watch(b, 'ivy', order.id);
      await updates.waitFor(1);
      await a.control('DELETE', '/_sandbox/xoxoday/ops');
      await sleep(2_100);
      // One follower looks every 300 ms: about 7 in 2.1 s; two would make about 14.
      const looks = await orderDetails(a);
      expect(looks).toBeGreaterThanOrEqual(1);
      expect(looks).toBeLessThanOrEqual(9);
      const following = await Promise.all([a, b].map(async (s) => ((await (await fetch(`${s.baseUrl}/readyz`)).json()) as { details: { xoxoday: { followingDeliveries: boolean } } }).details.xoxoday.followingDeliveries));
      expect(following.filter(Boolean)).toHaveLength(1);

      await sandbox.clock.advance(SANDBOX_DELAY_S + 60);
      const { events } = await updates.done;
      expect(events.map((e) => e.data!.voucherOrder.deliveryStatus)).toEqual(['PENDING', 'DELIVERED']);
      await eventually(async () => expect(events[1]!.data!.voucherOrder.codes).toHaveLength(1));
    } finally {
      await a.stop();
      await b.stop();
      await sandbox.close();
    }
  });
});
