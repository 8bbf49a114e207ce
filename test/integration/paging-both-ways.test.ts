/**
 * `last`/`before` on every connection: a full walk backward returns the full walk forward's items in
 * the same list order, each once, with exact hasPreviousPage/hasNextPage; upstream calls counted at
 * the sandbox. Klip pages only forward: backward pages ride the cursor chain the gateway keeps.
 */
import { PartnerCardsDocument, VoucherOrdersBothWaysDocument, VouchersBothWaysDocument, ViewerCardsDocument, WalletTokensBothWaysDocument, PlaceVoucherOrderDocument } from '../generated/graphql';
import { kigoCalls } from '../helpers/kigo';
import { ADMIN, ALICE, BAPP, HOLDER_CARDS, coldKlip, freshKlip, link } from '../helpers/klip-cards';
import { connectionReader, inListOrder, walkBackward, walkForward, type PageShape } from '../helpers/paging';
import { startStack, type Stack } from '../helpers/stack';
import { toGlobalId } from '../../src/schema/global-id';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

/** Backward pages are the forward list's items in reverse page order; flags are the mirror of forward's. */
function expectMirror<T>(forward: Array<PageShape<T>>, backward: Array<PageShape<T>>, all: T[]) {
  expect(forward.flatMap((p) => p.items)).toEqual(all);
  expect(inListOrder(backward)).toEqual(all);
  expect(new Set(inListOrder(backward)).size).toBe(all.length);
  expect(forward.map((p) => p.pageInfo.hasPreviousPage)).toEqual(forward.map((_, i) => i > 0));
  expect(forward.map((p) => p.pageInfo.hasNextPage)).toEqual(forward.map((_, i) => i < forward.length - 1));
  expect(backward.map((p) => p.pageInfo.hasNextPage)).toEqual(backward.map((_, i) => i > 0));
  expect(backward.map((p) => p.pageInfo.hasPreviousPage)).toEqual(backward.map((_, i) => i < backward.length - 1));
}

describe('partnerCards backward', () => {
  beforeEach(() => freshKlip(stack));
  const read = connectionReader((args) => stack.gql(PartnerCardsDocument, args, ADMIN), (d) => d.partnerCards, (n: { cardId: string }) => n.cardId);

  it('walks all 250 cards back 20 at a time after walking forward, with no Klip call beyond the forward walk', async () => {
    const forward = await walkForward(read, 20);
    expect(stack.sandbox.stats.count(BAPP)).toBe(3);
    const backward = await walkBackward(read, 20);
    expectMirror(forward, backward, range(1, 250));
    expect(backward[0]!.items).toEqual(range(231, 250));
    // Every Klip page was cached by the forward walk: going back costs nothing upstream.
    expect(stack.sandbox.stats.count(BAPP)).toBe(3);
  });

  it('walks back from the end with no forward walk first: the end found once, then one Klip page call per Klip page', async () => {
    const backward = await walkBackward(read, 30);
    expect(inListOrder(backward)).toEqual(range(1, 250));
    expect(stack.sandbox.stats.count(BAPP)).toBe(3);
  });

  it('turns back from any cursor: before the first card of a Klip page crosses into the page before', async () => {
    const forward = await read({ first: 100 });
    const second = await read({ first: 20, after: forward.pageInfo.endCursor });
    expect(second.items[0]).toBe('101');
    const back = await read({ last: 5, before: second.pageInfo.startCursor });
    expect(back.items).toEqual(range(96, 100));
    expect(back.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
    const start = await read({ last: 5, before: (await read({ first: 3 })).pageInfo.endCursor });
    expect(start.items).toEqual(['1', '2']);
    expect(start.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
  });
});

describe('viewer.cards backward', () => {
  beforeEach(() => freshKlip(stack));

  it("walks alice's cards both ways over three Klip pages, one holder page call per Klip page", async () => {
    const sub = 'cards-both-ways';
    await link(stack, sub, ALICE);
    await stack.control('POST', `/_sandbox/klip/holders/${ALICE}/cards`, { count: 150 });
    await coldKlip(stack);
    const read = connectionReader((args) => stack.gql(ViewerCardsDocument, args, { sub }), (d) => d.viewer.cards, (n: { cardId: string }) => n.cardId);
    const forward = await walkForward(read, 40);
    const all = forward.flatMap((p) => p.items);
    expect(all).toHaveLength(84 + 150);
    expect(stack.sandbox.stats.count(HOLDER_CARDS)).toBe(3);
    const backward = await walkBackward(read, 40);
    expectMirror(forward, backward, all);
    expect(stack.sandbox.stats.count(HOLDER_CARDS)).toBe(3);
  });
});

describe('viewer.tokens backward', () => {
  it("walks alice's 26 tokens back 7 at a time: one Kigo page call per page (the page from the end reads 100 from the start)", async () => {
    const read = connectionReader((args) => stack.gql(WalletTokensBothWaysDocument, args, { sub: 'alice' }), (d) => d.viewer.tokens, (n: { tokenId: string }) => n.tokenId);
    const forward = await walkForward(read, 7);
    const all = forward.flatMap((p) => p.items);
    expect(all).toHaveLength(26);
    await stack.control('DELETE', '/_sandbox/stats');
    const backward = await walkBackward(read, 7);
    expectMirror(forward, backward, all);
    expect(backward.map((p) => p.items.length)).toEqual([7, 7, 7, 5]);
    expect(kigoCalls(stack, 'GET /wallet/tokens')).toBe(backward.length);
  });
});

describe('vouchers and voucherOrders backward', () => {
  it('walks the catalog back 25 at a time, the same 120 products', async () => {
    const read = connectionReader((args) => stack.gql(VouchersBothWaysDocument, args, { sub: 'alice' }), (d) => d.vouchers, (n: { productId: string }) => n.productId);
    const forward = await walkForward(read, 25);
    const backward = await walkBackward(read, 25);
    expectMirror(forward, backward, forward.flatMap((p) => p.items));
    expect(inListOrder(backward)).toHaveLength(120);
  });

  it("walks a viewer's orders back 2 at a time, newest first as forward", async () => {
    const sub = 'orders-both-ways';
    for (const key of ['o1', 'o2', 'o3', 'o4', 'o5']) {
      const res = await stack.gql(PlaceVoucherOrderDocument, { input: { voucherId: toGlobalId('Voucher', '10002'), denomination: '25.00', quantity: 1, idempotencyKey: key } }, { sub });
      expect(res.data.placeVoucherOrder.userErrors).toEqual([]);
    }
    const read = connectionReader((args) => stack.gql(VoucherOrdersBothWaysDocument, args, { sub }), (d) => d.viewer.voucherOrders, (n: { id: string }) => n.id);
    const forward = await walkForward(read, 2);
    const backward = await walkBackward(read, 2);
    expectMirror(forward, backward, forward.flatMap((p) => p.items));
    expect(backward.map((p) => p.items.length)).toEqual([2, 2, 1]);
  });
});
