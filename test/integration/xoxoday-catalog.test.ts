/**
 * The voucher catalog: synced into the store once per TTL and paged/filtered by the gateway, so the
 * getVouchers quota (500 a day) is not spent per query; node/nodes batch into includeProducts.
 */
import { startStack, type Stack } from '../helpers/stack';
import { clearCounts, ops, sameStore } from '../helpers/xoxoday';
import { VoucherIdsDocument, VoucherNodesDocument, VouchersDocument, type VoucherFilter, type VouchersQuery } from '../generated/graphql';
import { toGlobalId } from '../../src/schema/global-id';

type VoucherNode = VouchersQuery['vouchers']['edges'][number]['node'];
const alice = { sub: 'alice' };

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());

async function page(first: number, after?: string | null, filter?: VoucherFilter) {
  const res = await stack.gql(VouchersDocument, { first, after, filter }, alice);
  expect(res.errors).toBeUndefined();
  return res.data.vouchers as VouchersQuery['vouchers'];
}

/** Every voucher matching `filter`, following the cursors. */
async function all(filter?: VoucherFilter, first = 100): Promise<VoucherNode[]> {
  const out: VoucherNode[] = [];
  let after: string | null | undefined;
  for (;;) {
    const p = await page(first, after, filter);
    out.push(...p.edges.map((e) => e.node));
    if (!p.pageInfo.hasNextPage) return out;
    after = p.pageInfo.endCursor;
  }
}

describe('vouchers', () => {
  it('maps Xoxoday products: decimal strings, enums, countries and categories', async () => {
    const vouchers = await all();
    expect(vouchers).toHaveLength(120);
    const fixed = vouchers.find((v) => v.productId === '10002')!;
    expect(fixed).toMatchObject({
      id: toGlobalId('Voucher', '10002'),
      provider: 'XOXODAY',
      currency: 'USD',
      countries: ['US'],
      categories: ['Food & Drinks'],
      valueType: 'FIXED_DENOMINATIONS',
      denominations: ['5.00', '10.00', '25.00', '50.00', '100.00'],
      minValue: '5.00',
      maxValue: '100.00',
      deliveryType: 'REALTIME',
    });
    const open = vouchers.find((v) => v.productId === '10004')!;
    expect(open).toMatchObject({ currency: 'AED', valueType: 'OPEN_VALUE', denominations: [], minValue: '20.00', maxValue: '2000.00' });
    expect(vouchers.find((v) => v.productId === '10007')!.deliveryType).toBe('DELAYED');
    expect(vouchers.find((v) => v.productId === '10025')!.countries).toEqual(['SG', 'IN', 'US', 'GB', 'AE']);
  });

  it('pages exactly: hasNextPage, hasPreviousPage and cursors agree with the whole list', async () => {
    const first = await page(50);
    expect(first.edges).toHaveLength(50);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = await page(50, first.pageInfo.endCursor);
    expect(second.nodes[0]!.productId).toBe('10051');
    expect(second.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const last = await page(50, second.pageInfo.endCursor);
    expect(last.edges).toHaveLength(20);
    expect(last.pageInfo.hasNextPage).toBe(false);
    expect(last.pageInfo.endCursor).toBe(last.edges[19]!.cursor);
    const exactlyAll = await page(20, (await page(100)).pageInfo.endCursor);
    expect(exactlyAll.edges).toHaveLength(20);
    expect(exactlyAll.pageInfo.hasNextPage).toBe(false);
  });

  it('combines every filter field, which Xoxoday could only take one at a time', async () => {
    const everything = await all();
    const usdDelayed = await all({ currency: 'usd', deliveryType: 'DELAYED' });
    expect(usdDelayed.length).toBeGreaterThan(0);
    expect(usdDelayed).toEqual(everything.filter((v) => v.currency === 'USD' && v.deliveryType === 'DELAYED'));

    const atlas = await all({ name: 'atlas', country: 'IN' }, 2);
    expect(atlas.map((v) => v.productId)).toEqual(['10021', '10022', '10023', '10024', '10025']);
    expect(await all({ name: 'atlas', country: 'india' })).toEqual(atlas);

    // Fixed products qualify by a denomination inside the range, open ones by overlapping it.
    const priced = await all({ currency: 'USD', minPrice: 30, maxPrice: 40 });
    expect(priced.length).toBeGreaterThan(0);
    for (const v of priced) expect(v.valueType).toBe('OPEN_VALUE');
    const fifty = await all({ currency: 'GBP', minPrice: 50, maxPrice: 50, deliveryType: 'REALTIME' });
    expect(fifty.map((v) => v.valueType)).toContain('FIXED_DENOMINATIONS');
    expect(await all({ country: 'FR' })).toEqual([]);
  });

  it('answers 1,000 catalog queries of different pages and filters with two upstream calls (the sync)', async () => {
    const fresh = await startStack();
    try {
      const filters: Array<VoucherFilter | undefined> = [undefined, { currency: 'INR' }, { country: 'US', deliveryType: 'REALTIME' }, { name: 'coffee' }, { minPrice: 10, maxPrice: 60 }];
      const token = await fresh.token('alice');
      let answered = 0;
      for (let batch = 0; batch < 20; batch += 1) {
        const results = await Promise.all(
          Array.from({ length: 50 }, (_, i) => fresh.gql(VoucherIdsDocument, { first: 1 + ((batch * 50 + i) % 100), filter: filters[i % filters.length] }, { token })),
        );
        for (const r of results) expect(r.errors).toBeUndefined();
        answered += results.length;
      }
      expect(answered).toBe(1000);
      // 120 products: page 1 (100) and page 2 (20) once, then every query is served from the store.
      expect((await ops(fresh)).getVouchers).toBe(2);
    } finally {
      await fresh.stop();
    }
  }, 60_000);

  it('rejects bad arguments with BAD_USER_INPUT naming the field', async () => {
    const bad = async (variables: Record<string, unknown>) => (await stack.gql(VouchersDocument, variables, alice)).errors![0]!.extensions;
    expect(await bad({ first: 0 })).toMatchObject({ code: 'BAD_USER_INPUT', field: ['first'] });
    expect(await bad({ first: 101 })).toMatchObject({ code: 'BAD_USER_INPUT', field: ['first'] });
    expect(await bad({ after: 'forged' })).toMatchObject({ code: 'BAD_USER_INPUT', field: ['after'] });
    expect(await bad({ filter: { minPrice: 50, maxPrice: 10 } })).toMatchObject({ code: 'BAD_USER_INPUT', field: ['filter', 'minPrice'] });
    expect(await bad({ filter: { minPrice: -1 } })).toMatchObject({ code: 'BAD_USER_INPUT', field: ['filter', 'minPrice'] });
  });

  it('needs a viewer', async () => {
    const res = await stack.gql(VouchersDocument, { first: 1 });
    expect(res.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });
});

describe('catalog sync', () => {
  it('syncs the whole catalog in two calls (pages of 100) and shares it with a restarted gateway', async () => {
    const s = await startStack();
    try {
      const first = await s.gql(VouchersDocument, { first: 5, filter: { currency: 'SGD' } }, alice);
      expect(first.errors).toBeUndefined();
      expect((await ops(s)).getVouchers).toBe(2);
      await s.gateway.stop();
      await clearCounts(s);

      const restarted = await startStack({ sandbox: s.sandbox, env: sameStore(s) });
      try {
        const again = await restarted.gql(VouchersDocument, { first: 5, filter: { currency: 'SGD' } }, alice);
        expect(again.data.vouchers).toEqual(first.data.vouchers);
        expect((await ops(restarted)).getVouchers ?? 0).toBe(0);
      } finally {
        await restarted.stop();
      }
    } finally {
      await s.stop();
    }
  });

  it('syncs again once the TTL has passed, and serves the older catalog if that sync fails', async () => {
    const s = await startStack({ env: { VOUCHER_CATALOG_TTL_SECONDS: '1' } });
    try {
      await s.gql(VouchersDocument, { first: 1 }, alice);
      expect((await ops(s)).getVouchers).toBe(2);
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      await s.gql(VouchersDocument, { first: 1 }, alice);
      expect((await ops(s)).getVouchers).toBe(4);

      await new Promise((resolve) => setTimeout(resolve, 1_100));
      await s.control('POST', '/_sandbox/faults', { provider: 'xoxoday', path: 'oauth/api$', status: 429, body: { code: 429, errorId: 'PLE10429', errorInfo: 'Daily limit exceeded', error: 'quota' } });
      const stale = await s.gql(VouchersDocument, { first: 3 }, alice);
      expect(stale.errors).toBeUndefined();
      expect(stale.data.vouchers.nodes.map((v: { productId: string }) => v.productId)).toEqual(['10001', '10002', '10003']);
      expect(s.logs()).toContain('serving the older catalog');
      // The failed sync is not retried on every query (each attempt would spend quota).
      await clearCounts(s);
      await s.gql(VouchersDocument, { first: 3 }, alice);
      expect(s.sandbox.stats.count('POST /xoxoday/chef/v1/oauth/api')).toBe(0);
    } finally {
      await s.stop();
    }
  });
});

describe('node and nodes for vouchers', () => {
  it('batches 50 ids into one includeProducts call, and remembers them (unknown ids too) for the TTL', async () => {
    const s = await startStack();
    try {
      const ids = Array.from({ length: 50 }, (_, i) => toGlobalId('Voucher', String(10001 + 2 * i)));
      ids.push(toGlobalId('Voucher', '99999'));
      const res = await s.gql(VoucherNodesDocument, { ids }, alice);
      expect(res.errors).toBeUndefined();
      expect(res.data.nodes).toHaveLength(51);
      expect(res.data.nodes[0]).toMatchObject({ __typename: 'Voucher', productId: '10001', currency: 'INR' });
      expect(res.data.nodes[49]).toMatchObject({ productId: '10099' });
      expect(res.data.nodes[50]).toBeNull();
      expect((await ops(s)).getVouchers).toBe(1);

      await s.gql(VoucherNodesDocument, { ids }, alice);
      expect((await ops(s)).getVouchers).toBe(1);
    } finally {
      await s.stop();
    }
  });

  it('answers from the synced catalog without any call when it is fresh', async () => {
    await page(1);
    await stack.control('DELETE', '/_sandbox/xoxoday/ops');
    const res = await stack.gql(VoucherNodesDocument, { ids: [toGlobalId('Voucher', '10120'), toGlobalId('Voucher', '20000')] }, alice);
    expect(res.data.nodes[0]).toMatchObject({ productId: '10120' });
    expect(res.data.nodes[1]).toBeNull();
    expect((await ops(stack)).getVouchers ?? 0).toBe(0);
  });
});
