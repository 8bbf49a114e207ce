/**
 * viewer.assets against the sandbox: alice's 26 Kigo tokens, the cards at her linked address over
 * three Klip pages, and the codes of her voucher orders, as one list walked both ways; the upstream
 * calls of a walk against walking the three lists one by one; filters; VoucherCode nodes.
 */
import {
  PlaceVoucherOrderDocument,
  ViewerAssetsDocument,
  ViewerCardsDocument,
  VoucherCodeNodeDocument,
  VoucherOrdersBothWaysDocument,
  WalletTokensBothWaysDocument,
  type ViewerAssetsQuery,
} from '../generated/graphql';
import { ALICE, HOLDER_CARDS, coldKlip, link } from '../helpers/klip-cards';
import { connectionReader, inListOrder, walkBackward, walkForward, type ReadPage } from '../helpers/paging';
import { startStack, type Stack } from '../helpers/stack';
import { toGlobalId } from '../../src/schema/global-id';

type Asset = ViewerAssetsQuery['viewer']['assets']['edges'][number]['node'];

const SUB = 'alice';
const KIGO_LIST = 'GET /kigo/api/v1/wallet/tokens';
const EXTRA_CARDS = 150;
let stack: Stack;

/** Upstream page calls of a walk: Kigo wallet pages, Klip holder pages, every Xoxoday call. */
function upstreamCalls() {
  const requests = stack.sandbox.stats.toJSON().requests as Record<string, number>;
  const xoxoday = Object.entries(requests).filter(([route]) => route.includes('/xoxoday/')).reduce((n, [, c]) => n + c, 0);
  return { kigo: requests[KIGO_LIST] ?? 0, klip: requests[HOLDER_CARDS] ?? 0, xoxoday };
}

beforeAll(async () => {
  stack = await startStack();
  await link(stack, SUB, ALICE);
  await stack.control('POST', `/_sandbox/klip/holders/${ALICE}/cards`, { count: EXTRA_CARDS });
  // Two orders, the older of two codes: three codes.
  for (const [key, quantity] of [['assets-1', 2], ['assets-2', 1]] as const) {
    const res = await stack.gql(PlaceVoucherOrderDocument, { input: { voucherId: toGlobalId('Voucher', '10002'), denomination: '25.00', quantity, idempotencyKey: key } }, { sub: SUB });
    expect(res.data.placeVoucherOrder.userErrors).toEqual([]);
  }
});
afterAll(() => stack.stop());

function assets(sub = SUB, filter: Record<string, unknown> = {}): ReadPage<Asset> {
  return connectionReader((args) => stack.gql<ViewerAssetsQuery>(ViewerAssetsDocument, { ...args, ...filter }, { sub }), (data: ViewerAssetsQuery) => data.viewer.assets);
}

const keyOf = (a: Asset) => `${a.__typename}:${a.__typename === 'Token' ? a.tokenId : a.__typename === 'Card' ? a.cardId : a.id}`;

describe('viewer.assets', () => {
  it('walks every holding once, tokens then cards then codes, with exact pageInfo and no more upstream calls than the three lists alone', async () => {
    await coldKlip(stack);
    const forward = await walkForward(assets(), 20);
    const unified = upstreamCalls();
    const all = forward.flatMap((p) => p.items);
    expect(all).toHaveLength(26 + 84 + EXTRA_CARDS + 3);
    expect(new Set(all.map(keyOf)).size).toBe(all.length);
    expect(all.map((a) => a.assetKind)).toEqual([...Array(26).fill('TOKEN'), ...Array(84 + EXTRA_CARDS).fill('CARD'), ...Array(3).fill('VOUCHER_CODE')]);
    expect(all.map((a) => a.provider)).toEqual([...Array(26).fill('KIGO'), ...Array(84 + EXTRA_CARDS).fill('KLIP'), ...Array(3).fill('XOXODAY')]);
    expect(forward.map((p) => p.pageInfo.hasNextPage)).toEqual(forward.map((_, i) => i < forward.length - 1));
    expect(forward.map((p) => p.pageInfo.hasPreviousPage)).toEqual(forward.map((_, i) => i > 0));
    // A mixed page: the last six tokens and the first fourteen cards.
    expect(forward[1]!.items.map((a) => a.__typename)).toEqual([...Array(6).fill('Token'), ...Array(14).fill('Card')]);

    await coldKlip(stack);
    const tokens = await walkForward(connectionReader((args) => stack.gql(WalletTokensBothWaysDocument, args, { sub: SUB }), (d) => d.viewer.tokens), 20);
    const cards = await walkForward(connectionReader((args) => stack.gql(ViewerCardsDocument, args, { sub: SUB }), (d) => d.viewer.cards), 20);
    const orders = await walkForward(connectionReader((args) => stack.gql(VoucherOrdersBothWaysDocument, args, { sub: SUB }), (d) => d.viewer.voucherOrders), 20);
    const separate = upstreamCalls();
    expect(tokens.flatMap((p) => p.items)).toHaveLength(26);
    expect(cards.flatMap((p) => p.items)).toHaveLength(84 + EXTRA_CARDS);
    expect(orders.flatMap((p) => p.items)).toHaveLength(2);
    expect(unified).toEqual({ kigo: 2, klip: 3, xoxoday: 0 });
    expect(separate).toEqual({ kigo: 2, klip: 3, xoxoday: 0 });
  });

  it('walks back from the end to the same items in reverse, from the cache when the forward walk is recent', async () => {
    await coldKlip(stack);
    const forward = await walkForward(assets(), 25);
    const afterForward = upstreamCalls();
    const backward = await walkBackward(assets(), 25);
    const all = forward.flatMap((p) => p.items);
    expect(inListOrder(backward).map(keyOf)).toEqual(all.map(keyOf));
    expect(backward.map((p) => p.pageInfo.hasNextPage)).toEqual(backward.map((_, i) => i > 0));
    expect(backward.map((p) => p.pageInfo.hasPreviousPage)).toEqual(backward.map((_, i) => i < backward.length - 1));
    const total = upstreamCalls();
    // Klip pages come from the cache; Kigo is read once per page that holds tokens, twice for the page from its end.
    expect(total.klip - afterForward.klip).toBe(0);
    expect(total.kigo - afterForward.kigo).toBeLessThanOrEqual(3);
  });

  it('turns back from the middle of a mixed page across the token/card boundary', async () => {
    const forward = await walkForward(assets(), 30);
    const firstCard = forward[0]!.items.findIndex((a) => a.__typename === 'Card');
    expect(firstCard).toBe(26);
    const page = await assets()({ first: 5, after: (await assets()({ first: 27 })).pageInfo.endCursor });
    expect(page.items.map((a) => a.__typename)).toEqual(Array(5).fill('Card'));
    const back = await assets()({ last: 4, before: page.pageInfo.startCursor });
    // Before the second card: the last three tokens and the first card.
    expect(back.items.map((a) => a.__typename)).toEqual(['Token', 'Token', 'Token', 'Card']);
    expect(back.items.map(keyOf)).toEqual(forward[0]!.items.slice(23, 27).map(keyOf));
    expect(back.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
  });

  it('filters by provider and kind, each filter its own list', async () => {
    const klip = (await walkForward(assets(SUB, { providers: ['KLIP'] }), 100)).flatMap((p) => p.items);
    expect(klip).toHaveLength(84 + EXTRA_CARDS);
    expect(new Set(klip.map((a) => a.__typename))).toEqual(new Set(['Card']));
    const codes = (await walkBackward(assets(SUB, { kinds: ['VOUCHER_CODE'] }), 2)).reverse().flatMap((p) => p.items);
    expect(codes.map((a) => a.__typename)).toEqual(['VoucherCode', 'VoucherCode', 'VoucherCode']);
    expect(codes.every((a) => a.__typename === 'VoucherCode' && a.code.length > 0 && a.value?.currency === 'USD' && a.acquiredAt)).toBe(true);
    const both = (await walkForward(assets(SUB, { providers: ['KIGO', 'XOXODAY'], kinds: ['TOKEN', 'VOUCHER_CODE', 'CARD'] }), 50)).flatMap((p) => p.items);
    expect(both).toHaveLength(26 + 3);
    expect((await assets(SUB, { kinds: ['VOUCHER'] })({ first: 10 })).items).toEqual([]);

    // A cursor belongs to its filter.
    const cursor = (await assets(SUB, { providers: ['KLIP'] })({ first: 1 })).pageInfo.endCursor;
    const res = await stack.gql(ViewerAssetsDocument, { first: 1, after: cursor }, { sub: SUB });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('is empty without holdings, and refuses another viewer\'s cursor', async () => {
    const nobody = await assets('assets-nobody')({ first: 10 });
    expect(nobody).toEqual({ items: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } });
    const cursor = (await assets()({ first: 1 })).pageInfo.endCursor;
    const res = await stack.gql(ViewerAssetsDocument, { first: 1, after: cursor }, { sub: 'bob' });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers a VoucherCode node to its owner only, with its code and product', async () => {
    const [code] = (await assets(SUB, { kinds: ['VOUCHER_CODE'] })({ first: 1 })).items;
    const mine = await stack.gql(VoucherCodeNodeDocument, { id: code!.id }, { sub: SUB });
    expect(mine.data.node).toMatchObject({ __typename: 'VoucherCode', id: code!.id, assetKind: 'VOUCHER_CODE', voucher: { productId: '10002' } });
    expect(mine.data.node.code).toBe(code!.__typename === 'VoucherCode' ? code!.code : undefined);
    expect(mine.data.node.name).not.toMatch(/^Xoxoday voucher/);
    const theirs = await stack.gql(VoucherCodeNodeDocument, { id: code!.id }, { sub: 'bob' });
    expect(theirs.errors).toBeUndefined();
    expect(theirs.data.node).toBeNull();
    const unknown = await stack.gql(VoucherCodeNodeDocument, { id: toGlobalId('VoucherCode', 'rg-00000000000000000000000000000000:0') }, { sub: SUB });
    expect(unknown.data.node).toBeNull();
  });

  it('costs 30 plus its page in the operation cost: 16 aliases of 100 assets are refused before any upstream call, as 16 wallets are not', async () => {
    const aliases = (field: string) => `{ viewer { ${Array.from({ length: 16 }, (_, i) => `a${i}: ${field}(first: 100) { edges { node { id } } }`).join(' ')} } }`;
    await stack.control('DELETE', '/_sandbox/stats');
    const refused = await stack.gql(aliases('assets'), undefined, { sub: SUB });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', measured: 1 + 16 * (30 + 100 * 3) });
    expect(stack.sandbox.stats.count('')).toBe(0);
    const wallets = await stack.gql(aliases('tokens'), undefined, { sub: SUB });
    expect(wallets.errors).toBeUndefined();
  });
});
