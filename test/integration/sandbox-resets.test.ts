/**
 * A clean demo loop: with the embedded sandbox's wiring (`followResets`), a sandbox reset resets the
 * gateway's own state derived from it; without it (`npm run sandbox`), outside production, the gateway
 * still recovers its Xoxoday grant by itself; production never forgets anything.
 */
import { productionEnv } from '../helpers/production';
import { startStack, subscribe, type Stack } from '../helpers/stack';
import { AUTHORIZE_ROUTE } from '../helpers/xoxoday';

const stacks: Stack[] = [];
async function stack(options: Parameters<typeof startStack>[0]): Promise<Stack> {
  const s = await startStack(options);
  stacks.push(s);
  return s;
}
afterEach(async () => {
  for (const s of stacks.splice(0).reverse()) await s.stop();
});

const order = (s: Stack, key: string) =>
  s.gql(`mutation { placeVoucherOrder(input: {voucherId: "10002", denomination: "5", idempotencyKey: "${key}"}) { order { orderId } userErrors { code } } }`, undefined, { sub: 'alice' });
const rows = async (s: Stack, table: 'credentials' | 'idempotency' | 'voucher_orders' | 'viewer_links' | 'app2app_requests') =>
  (await s.gateway.services.store.db.selectFrom(table).selectAll().execute()).length;

it('a reset of the followed sandbox forgets every row derived from it and ends open App2App subscriptions', async () => {
  const s = await stack({ followResets: true, env: { APP2APP_POLL_INTERVAL_MS: '200' } });
  expect((await order(s, 'before-reset')).errors).toBeUndefined();
  await s.gql('mutation { shareToken(input: {tokenId: "tok_alice_02", clientMutationId: "before-reset"}) { claimCode } }', undefined, { sub: 'alice' });
  const prepared = await s.gql('mutation { prepareApp2App(input: {type: AUTH}) { request { requestKey } } }', undefined, { sub: 'alice' });
  const key = prepared.data.prepareApp2App.request.requestKey as string;
  const events = subscribe(s.wsClient({ sub: 'alice' }), 'subscription ($k: String!) { app2appRequest(requestKey: $k) { status error { code } } }', { k: key });
  await events.waitFor(1);
  for (const table of ['credentials', 'idempotency', 'voucher_orders', 'app2app_requests'] as const) expect(await rows(s, table)).toBeGreaterThan(0);

  await s.control('POST', '/_sandbox/reset');

  for (const table of ['credentials', 'idempotency', 'voucher_orders', 'viewer_links', 'app2app_requests'] as const) expect({ table, rows: await rows(s, table) }).toEqual({ table, rows: 0 });
  const { events: seen } = await events.done;
  expect(seen.map((e) => e.data!.app2appRequest)).toEqual([
    { status: 'PREPARED', error: null },
    { status: 'ERROR', error: { code: 'sandbox_reset' } },
  ]);
  // Everything works at once, from the seed: no restart.
  expect((await order(s, 'before-reset')).data.placeVoucherOrder.order).toEqual({ orderId: '7000001' });
  expect((await fetch(`${s.baseUrl}/readyz`)).status).toBe(200);
});

it('outside production, a gateway that does not follow the sandbox (npm run sandbox) authorizes with Xoxoday again after a reset, instead of asking for a restart', async () => {
  const s = await stack({});
  expect((await order(s, 'first')).errors).toBeUndefined();
  await s.control('POST', '/_sandbox/reset');
  expect(s.sandbox.stats.count(AUTHORIZE_ROUTE)).toBe(0);
  const after = await order(s, 'after-reset');
  expect(after.errors).toBeUndefined();
  expect(after.data.placeVoucherOrder.userErrors).toEqual([]);
  expect(s.sandbox.stats.count(AUTHORIZE_ROUTE)).toBe(1);
  expect((await fetch(`${s.baseUrl}/readyz`)).status).toBe(200);
});

it('production refuses to forget', async () => {
  const s = await stack({ env: productionEnv('never-used-here') });
  await expect(s.gateway.forgetUpstreamState()).rejects.toThrow(/never forgotten in production/);
});
