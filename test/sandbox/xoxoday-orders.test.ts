import { useSandbox } from '../helpers/sandbox';
import { errorBody, xoxodayApi } from '../helpers/xoxoday-sandbox';

const sandbox = useSandbox();
let token: string;
const { call, accessToken: login, op, balance, order } = xoxodayApi(sandbox, () => token);
const { advance } = sandbox;
beforeEach(async () => {
  token = await login();
});

const today = async (): Promise<string> => (await call('/_sandbox/clock')).body.now.slice(0, 10);

describe('Xoxoday sandbox: placeOrder', () => {
  it('delivers realtime vouchers at once and debits the balance', async () => {
    expect(await balance()).toEqual({ value: 10000, currency: 'USD' });
    const res = await order({ productId: '10002', denomination: 25, quantity: 2, poNumber: 'po-1' });
    expect(res.status).toBe(200);
    expect(res.data).toEqual({
      orderId: expect.any(Number),
      poNumber: 'po-1',
      vouchers: [expect.any(Object), expect.any(Object)],
      amountCharged: 50,
      currencyCode: 'USD',
      orderTotal: 50,
      orderStatus: 'complete',
      deliveryStatus: 'delivered',
    });
    for (const v of res.data.vouchers) {
      expect(v).toEqual({ voucherCode: expect.stringMatching(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/), pin: expect.stringMatching(/^\d{6}$/), validity: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), amount: 25, currency: 'USD', productId: '10002' });
    }
    expect(res.data.vouchers[0].voucherCode).not.toBe(res.data.vouchers[1].voucherCode);
    expect(await balance()).toEqual({ value: 9950, currency: 'USD' });
  });

  it('converts the charge to the balance currency with the fixed FX table, to 2 dp', async () => {
    const inr = await order({ productId: '10001', denomination: 1000, quantity: 3, poNumber: 'po-inr' });
    expect(inr.data).toMatchObject({ orderTotal: 3000, amountCharged: 36, currencyCode: 'USD' });
    expect((await balance()).value).toBe(9964);

    await call('/_sandbox/xoxoday/balance', { body: { value: 100, currency: 'GBP' } });
    const usd = await order({ productId: '10002', denomination: 25, poNumber: 'po-gbp' });
    expect(usd.data).toMatchObject({ orderTotal: 25, amountCharged: 19.69, currencyCode: 'GBP' });
    expect(await balance()).toEqual({ value: 80.31, currency: 'GBP' });
  });

  it('accepts any cent amount within min/max for an open-value product', async () => {
    const res = await order({ productId: '10012', denomination: 12.34, poNumber: 'po-open' });
    expect(res.status).toBe(200);
    expect(res.data.vouchers[0].amount).toBe(12.34);
  });

  it.each([
    ['a missing email', { productId: '10002', denomination: 25, poNumber: 'e1', email: undefined }, 400, 'PLE10001'],
    ['a missing poNumber', { productId: '10002', denomination: 25 }, 400, 'PLE10001'],
    ['an unknown product', { productId: '99999', denomination: 25, poNumber: 'e2' }, 400, 'PLE10001'],
    ['a denomination not offered', { productId: '10002', denomination: 7, poNumber: 'e3' }, 404, 'PLE10018'],
    ['an open value under the minimum', { productId: '10012', denomination: 4.99, poNumber: 'e4' }, 404, 'PLE10018'],
    ['an open value over the maximum', { productId: '10012', denomination: 600, poNumber: 'e5' }, 404, 'PLE10018'],
    ['a quantity over 10', { productId: '10002', denomination: 5, quantity: 11, poNumber: 'e6' }, 409, 'PLE10041'],
    ["a quantity over the product's limit", { productId: '10006', denomination: 100, quantity: 3, poNumber: 'e7' }, 409, 'PLE10041'],
  ])('refuses %s and charges nothing', async (_what, data, status, errorId) => {
    const res = await order(data);
    expect(res.status).toBe(status);
    expect(res.body).toEqual(errorBody(status, errorId));
    expect((await balance()).value).toBe(10000);
  });

  it('answers 422 PLE10012 when the balance is too low', async () => {
    await call('/_sandbox/xoxoday/balance', { body: { value: 10, currency: 'USD' } });
    const res = await order({ productId: '10002', denomination: 25, poNumber: 'po-poor' });
    expect(res.status).toBe(422);
    expect(res.body).toEqual(errorBody(422, 'PLE10012'));
    expect(await balance()).toEqual({ value: 10, currency: 'USD' });
  });

  it('answers a reused poNumber with the first order, unchanged, and charges once', async () => {
    const first = await order({ productId: '10002', denomination: 25, quantity: 2, poNumber: 'po-same' });
    const again = await order({ productId: '10001', denomination: 100, quantity: 5, poNumber: 'po-same' });
    expect(again.status).toBe(200);
    expect(again.data).toEqual(first.data);
    expect((await balance()).value).toBe(9950);
  });

  it('keeps a delayed order pending without codes for 10 minutes, then delivers them', async () => {
    const placed = await order({ productId: '10007', denomination: 10, quantity: 3, poNumber: 'po-late' });
    expect(placed.data).toMatchObject({ deliveryStatus: 'pending', vouchers: [], orderStatus: 'complete', amountCharged: 30 });
    expect((await balance()).value).toBe(9970);
    await advance(9 * 60);
    expect((await op('getOrderDetails', { orderId: placed.data.orderId })).data).toMatchObject({ deliveryStatus: 'pending', vouchers: [] });
    await advance(60);
    const delivered = (await op('getOrderDetails', { orderId: placed.data.orderId })).data;
    expect(delivered.deliveryStatus).toBe('delivered');
    expect(delivered.vouchers).toHaveLength(3);
    expect((await op('getOrderDetails', { poNumber: 'po-late' })).data).toEqual(delivered);
  });

  it('refuses control balances in an unknown currency', async () => {
    const res = await call('/_sandbox/xoxoday/balance', { body: { value: 10, currency: 'XYZ' } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_balance');
  });
});

describe('Xoxoday sandbox: order details, history and reset', () => {
  it('finds an order by orderId or poNumber, and answers 404 to an unknown one', async () => {
    const placed = (await order({ productId: '10002', denomination: 10, poNumber: 'po-find' })).data;
    expect((await op('getOrderDetails', { orderId: String(placed.orderId) })).data).toEqual(placed);
    expect((await op('getOrderDetails', { poNumber: 'po-find' })).data).toEqual(placed);
    const missing = await op('getOrderDetails', { poNumber: 'po-none' });
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual(errorBody(404, 'PLE10404'));
    expect((await op('getOrderDetails', {})).status).toBe(400);
  });

  it('lists orders between two dates, newest first, a page at a time', async () => {
    const older = (await order({ productId: '10002', denomination: 10, poNumber: 'po-a' })).data;
    await advance(60);
    const newer = (await order({ productId: '10007', denomination: 5, poNumber: 'po-b' })).data;
    const day = await today();
    const all = (await op('getOrderHistory', { startDate: day, endDate: day })).data;
    expect(all.map((o: { orderId: number }) => o.orderId)).toEqual([newer.orderId, older.orderId]);
    expect(all[0]).toEqual({
      orderId: newer.orderId,
      orderDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      poNumber: 'po-b',
      deliveryStatus: 'pending',
      orderTotal: 5,
      amountCharged: 5,
      currencyCode: 'USD',
      products: [{ productId: '10007', productName: expect.any(String), denomination: 5, quantity: 1, currencyCode: 'USD' }],
    });
    const second = (await op('getOrderHistory', { startDate: day, endDate: day, limit: 1, page: 2 })).data;
    expect(second.map((o: { poNumber: string }) => o.poNumber)).toEqual(['po-a']);
    expect((await op('getOrderHistory', { startDate: '2000-01-01', endDate: '2000-01-31' })).data).toEqual([]);
    expect((await op('getOrderHistory', { startDate: 'yesterday', endDate: day })).body).toEqual(errorBody(400, 'PLE10001'));
  });

  it('shows a delayed order pending in the history until its delivery time on the sandbox clock', async () => {
    await order({ productId: '10007', denomination: 10, poNumber: 'po-slow' });
    const day = await today();
    const entry = async () => (await op('getOrderHistory', { startDate: day, endDate: day })).data[0];
    expect(await entry()).toMatchObject({ poNumber: 'po-slow', deliveryStatus: 'pending' });
    await advance(10 * 60);
    expect(await entry()).toMatchObject({ poNumber: 'po-slow', deliveryStatus: 'delivered' });
  });

  it('restores the seed balance and forgets orders on reset', async () => {
    await call('/_sandbox/xoxoday/balance', { body: { value: 500, currency: 'SGD' } });
    expect((await order({ productId: '10005', denomination: 10, poNumber: 'po-r' })).status).toBe(200);
    expect(await balance()).toEqual({ value: 490, currency: 'SGD' });
    await call('/_sandbox/reset', { method: 'POST' });
    token = await login();
    expect(await balance()).toEqual({ value: 10000, currency: 'USD' });
    expect((await op('getOrderDetails', { poNumber: 'po-r' })).status).toBe(404);
  });
});
