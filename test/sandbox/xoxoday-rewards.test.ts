import { useSandbox } from '../helpers/sandbox';
import { errorBody, xoxodayApi } from '../helpers/xoxoday-sandbox';

const sandbox = useSandbox();
let token: string;
const { call, accessToken, op, balance, order } = xoxodayApi(sandbox, () => token);
const { advance } = sandbox;
beforeEach(async () => {
  token = await accessToken();
});

const vouchers = async (data: Record<string, unknown>) => {
  const res = await op('getVouchers', data);
  expect(res.status).toBe(200);
  return res.data as Array<Record<string, any>>;
};

describe('Xoxoday sandbox: getVouchers', () => {
  it('pages through exactly 120 products, 10 by default', async () => {
    const first = await vouchers({});
    expect(first.map((p) => p.productId)).toEqual(Array.from({ length: 10 }, (_, i) => String(10001 + i)));
    const pages = [await vouchers({ limit: 100, page: 1 }), await vouchers({ limit: 100, page: 2 }), await vouchers({ limit: 100, page: 3 })];
    expect(pages.map((p) => p.length)).toEqual([100, 20, 0]);
    const ids = new Set(pages.flat().map((p) => p.productId));
    expect(ids.size).toBe(120);
    for (const id of ids) expect(id).toMatch(/^\d+$/);
  });

  it('describes products with the documented fields', async () => {
    const [fixed, , , open] = await vouchers({ limit: 4 });
    expect(Object.keys(fixed!).sort()).toEqual(
      ['productId', 'name', 'description', 'imageUrl', 'currencyCode', 'countryCode', 'countries', 'categories', 'valueType', 'valueDenominations', 'minValue', 'maxValue', 'deliveryType', 'redemptionInstructions', 'termsAndConditionsInstructions', 'expiryAndValidity', 'orderQuantityLimit', 'discount', 'fee'].sort(),
    );
    expect(fixed).toMatchObject({ productId: '10001', currencyCode: 'INR', countryCode: 'IN', countries: [{ code: 'IN', name: 'India' }], valueType: 'fixed_denomination', valueDenominations: '100,250,500,1000,2000', minValue: 100, maxValue: 2000, deliveryType: 'realtime', orderQuantityLimit: 10 });
    expect(open).toMatchObject({ productId: '10004', currencyCode: 'AED', valueType: 'open_value', valueDenominations: '', minValue: 20, maxValue: 2000 });
  });

  it('mixes countries, currencies, value types and delivery types', async () => {
    const all = [...(await vouchers({ limit: 100 })), ...(await vouchers({ limit: 100, page: 2 }))];
    expect(new Set(all.map((p) => p.countryCode))).toEqual(new Set(['IN', 'US', 'GB', 'AE', 'SG']));
    expect(new Set(all.map((p) => p.currencyCode))).toEqual(new Set(['INR', 'USD', 'GBP', 'AED', 'SGD']));
    expect(all.filter((p) => p.valueType === 'open_value')).toHaveLength(30);
    expect(all.filter((p) => p.deliveryType === 'delayed')).toHaveLength(17);
  });

  it('returns exactly the included products that exist, whatever the page', async () => {
    const list = await vouchers({ includeProducts: '10050, 10003,99999', page: 5, limit: 1 });
    expect(list.map((p) => p.productId)).toEqual(['10003', '10050']);
  });

  it('leaves out excluded products', async () => {
    const list = await vouchers({ excludeProducts: '10001,10002', limit: 3 });
    expect(list.map((p) => p.productId)).toEqual(['10003', '10004', '10005']);
  });

  it('filters by name, country (including multi-country products), currency, delivery type and price', async () => {
    const coffee = await vouchers({ filters: [{ key: 'productName', value: 'COFFEE' }] });
    expect(coffee.map((p) => p.name)).toHaveLength(5);
    for (const p of coffee) expect(p.name).toContain('Coffee');

    const inAe = await vouchers({ limit: 100, filters: [{ key: 'country', value: 'AE' }] });
    for (const p of inAe) expect(p.countries.map((c: { code: string }) => c.code)).toContain('AE');
    expect(inAe.some((p) => p.countryCode !== 'AE')).toBe(true);

    for (const p of await vouchers({ limit: 100, filters: [{ key: 'currencyCode', value: 'gbp' }] })) expect(p.currencyCode).toBe('GBP');
    expect(await vouchers({ limit: 100, filters: [{ key: 'deliveryType', value: 'delayed' }] })).toHaveLength(17);
    const cheap = await vouchers({ limit: 100, filters: [{ key: 'maxPrice', value: 5 }] });
    expect(cheap.length).toBeGreaterThan(0);
    for (const p of cheap) expect(p.minValue).toBeLessThanOrEqual(5);
    const mid = await vouchers({ limit: 100, filters: [{ key: 'price', value: '1000-1500' }] });
    expect(mid.map((p) => p.productId)).toContain('10001');
    expect(mid.map((p) => p.productId)).not.toContain('10002');
    for (const p of mid) {
      const faceValues = p.valueDenominations === '' ? [] : p.valueDenominations.split(',').map(Number);
      const fits = p.valueType === 'open_value' ? p.minValue <= 1500 && p.maxValue >= 1000 : faceValues.some((d: number) => d >= 1000 && d <= 1500);
      expect(fits).toBe(true);
    }
  });

  it('sorts by price or name', async () => {
    const byPrice = await vouchers({ limit: 100, sort: { field: 'price', order: 'DESC' } });
    const prices = byPrice.map((p) => p.minValue);
    expect(prices).toEqual([...prices].sort((a, b) => b - a));
    const byName = await vouchers({ limit: 3, sort: { field: 'name', order: 'asc' } });
    expect(byName[0]!.name.startsWith('Atlas Travel')).toBe(true);
  });

  it('refuses more than one filter a call, and limits over 100', async () => {
    const two = await op('getVouchers', { filters: [{ key: 'country', value: 'IN' }, { key: 'deliveryType', value: 'delayed' }] });
    expect(two.status).toBe(400);
    expect(two.body).toEqual(errorBody(400, 'PLE10001'));
    expect((await op('getVouchers', { limit: 101 })).body).toEqual(errorBody(400, 'PLE10001'));
  });

  it('allows 500 calls a sandbox-clock day and answers 429 to the 501st', async () => {
    for (let i = 0; i < 500; i++) expect((await op('getVouchers', { limit: 1 })).status).toBe(200);
    const over = await op('getVouchers', { limit: 1 });
    expect(over.status).toBe(429);
    expect(over.body).toEqual(errorBody(429, 'PLE10429'));
    const now = new Date((await call('/_sandbox/clock')).body.now);
    const nextDay = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
    await advance(Math.ceil((nextDay - now.getTime()) / 1000) + 1);
    expect((await op('getVouchers', { limit: 1 })).status).toBe(200);
  });

  it('counts calls per op, clears on DELETE and on reset', async () => {
    await vouchers({});
    await vouchers({});
    await balance();
    expect((await call('/_sandbox/xoxoday/ops')).body).toEqual({ ops: { getBalance: 1, getVouchers: 2 } });
    await call('/_sandbox/xoxoday/ops', { method: 'DELETE' });
    expect((await call('/_sandbox/xoxoday/ops')).body).toEqual({ ops: {} });
    await balance();
    await call('/_sandbox/reset', { method: 'POST' });
    expect((await call('/_sandbox/xoxoday/ops')).body).toEqual({ ops: {} });
  });
});

describe('Xoxoday sandbox: getFilters and unknown ops', () => {
  it('lists country, currency, price and delivery groups whose codes work as getVouchers filters', async () => {
    const groups = (await op('getFilters')).data as Array<{ filterGroupCode: string; filters: Array<{ filterValueCode: string; isoCode: string }> }>;
    expect(groups.map((g) => g.filterGroupCode)).toEqual(['country', 'currencyCode', 'price', 'deliveryType']);
    expect(groups[0]!.filters.map((f) => f.isoCode)).toEqual(['IN', 'US', 'GB', 'AE', 'SG']);
    const [currency] = (await op('getFilters', { filterGroupCode: 'currencyCode' })).data;
    expect(currency.filters.map((f: { filterValueCode: string }) => f.filterValueCode)).toEqual(['INR', 'USD', 'GBP', 'AED', 'SGD']);
    const sgd = await vouchers({ limit: 100, filters: [{ key: currency.filterGroupCode, value: 'SGD' }] });
    expect(sgd).toHaveLength(24);
  });

  it('names each group and describes each filter with filterValue, isoCode and filterValueCode', async () => {
    const groups = (await op('getFilters')).data as Array<Record<string, unknown> & { filters: unknown[] }>;
    for (const group of groups) {
      expect(group).toEqual({ filterGroupName: expect.any(String), filterGroupCode: expect.any(String), filters: expect.any(Array) });
      for (const filter of group.filters) expect(filter).toEqual({ filterValue: expect.any(String), isoCode: expect.any(String), filterValueCode: expect.any(String) });
    }
    expect((await op('getFilters', { filterGroupCode: 'nope' })).body).toEqual(errorBody(400, 'PLE10001'));
  });

  it('answers 400 PLE10001 to an unknown op or the wrong query kind', async () => {
    expect((await op('getEverything')).body).toEqual(errorBody(400, 'PLE10001'));
    expect((await op('getBalance', {}, 'mutation')).status).toBe(400);
  });
});
