/* The README's Xoxoday walk-through as a reader runs it: the catalog, an order, my orders and the balance. */
import { answers, graphqlOperations, readmeSection, runShell, shellBlocks } from '../helpers/readme';
import { startStack, type Stack } from '../helpers/stack';

const section = () => readmeSection('## Walk-through: Xoxoday vouchers (catalog → order)');

describe.each(['graphql', 'curl'] as const)('the %s blocks', (form) => {
  let stack: Stack;
  beforeAll(async () => {
    // As `npm start` wires its embedded sandbox: a sandbox reset resets what the gateway derived from it.
    stack = await startStack({ followResets: true });
  });
  afterAll(() => stack.stop());

  /** Each step's answer, run the way this form is run. */
  async function steps(): Promise<{ catalog: any; order: any; orders: any; balance: any }> {
    if (form === 'graphql') {
      const op = graphqlOperations(section());
      expect([...op.keys()].sort()).toEqual(['BuyDining', 'CompanyBalance', 'MyOrders', 'UsDining']);
      const run = async (name: string, as: { sub: string; admin?: boolean }) => {
        const res = await stack.gql(op.get(name)!, undefined, as);
        expect(res.errors).toBeUndefined();
        return res.data;
      };
      const catalog = await run('UsDining', { sub: 'alice' });
      const order = await run('BuyDining', { sub: 'alice' });
      return { catalog, order, orders: await run('MyOrders', { sub: 'alice' }), balance: await run('CompanyBalance', { sub: 'ops', admin: true }) };
    }
    const blocks = shellBlocks(section());
    expect(blocks).toHaveLength(3);
    const env = { API: stack.baseUrl, TOKEN: await stack.token('alice'), ADMIN: await stack.token('ops', { admin: true }) };
    const sh = async (block: string) => {
      const run = await runShell(block, env);
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
      const all = answers(run.stdout);
      for (const answer of all) expect(answer.errors).toBeUndefined();
      return all.map((answer) => answer.data);
    };
    const [catalog] = await sh(blocks[0]!);
    const [order] = await sh(blocks[1]!);
    const [orders, balance] = await sh(blocks[2]!);
    return { catalog, order, orders, balance };
  }

  it('work as written, and again after the README’s rerun step (POST /_sandbox/reset)', async () => {
    const first = await check();
    expect((await fetch(`${stack.sandbox.url}/_sandbox/reset`, { method: 'POST' })).status).toBe(200);
    // The same idempotencyKey buys again from the reset sandbox (new codes) instead of replaying an
    // order that sandbox no longer has, and the voucher operations need no restart.
    const second = await check();
    expect(second).not.toEqual(first);
    expect((await fetch(`${stack.baseUrl}/readyz`)).status).toBe(200);
  });

  /** One run of the walk-through, checked; answers the codes it bought. */
  async function check(): Promise<string[]> {
    const { catalog, order, orders, balance } = await steps();
    expect(catalog.vouchers.edges[0]).toMatchObject({ cursor: expect.any(String), node: { id: 'Vm91Y2hlcjoxMDAwMg', productId: '10002', valueType: 'FIXED_DENOMINATIONS', denominations: ['5.00', '10.00', '25.00', '50.00', '100.00'] } });
    expect(order.placeVoucherOrder).toMatchObject({ userErrors: [], order: { total: { amount: '50.00', currency: 'USD' }, codes: [expect.any(Object), expect.any(Object)] } });
    expect(orders.viewer.voucherOrders.edges).toEqual([{ cursor: expect.any(String), node: expect.objectContaining({ orderId: order.placeVoucherOrder.order.orderId }) }]);
    expect(balance.voucherBalance).toEqual({ amount: '9950.00', currency: 'USD' });
    return order.placeVoucherOrder.order.codes.map((c: { code: string }) => c.code);
  }
});
