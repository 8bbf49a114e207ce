/**
 * Relay 21 (relay-compiler artifacts, relay-runtime's store and ConnectionHandler) paging the live
 * gateway both ways, as usePaginationFragment's loadNext and loadPrevious do (test/relay/pagination.ts):
 * the connection record a component renders must hold every item exactly once, in list order, with
 * pageInfo right at both ends. The wire pages are checked too: ConnectionHandler drops an edge whose
 * node it already holds, so a page that repeated an item would be hidden in the store alone.
 */
import { partnerCardsFragment, partnerCardsQuery, walletAssetsFragment, walletAssetsQuery, walletTokensFragment, walletTokensQuery } from '../relay/documents';
import { relayEnvironment, type SentOperation } from '../relay/environment';
import { paginationFragment, type PaginationFragment } from '../relay/pagination';
import { ADMIN, BAPP, coldKlip } from '../helpers/klip-cards';
import { ALICE_HOLDINGS, PARTNER_CARD_COUNT, aliceTokenAndCardIds, cardRange, repeated, seedPagedWallet } from '../helpers/paged-wallet';
import { startStack, type Stack } from '../helpers/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
  await seedPagedWallet(stack);
});
afterAll(() => stack.stop());

const MAX_PAGES = 100;

async function environmentAs(as: { sub: string; admin?: boolean }) {
  return relayEnvironment(stack.graphqlUrl, await stack.token(as.sub, { admin: as.admin }));
}

async function walkForward(list: PaginationFragment, count: number): Promise<void> {
  for (let pages = 0; list.hasNext(); pages++) {
    if (pages === MAX_PAGES) throw new Error('loadNext never reached the end');
    await list.loadNext(count);
  }
}

async function walkBackward(list: PaginationFragment, count: number): Promise<void> {
  for (let pages = 0; list.hasPrevious(); pages++) {
    if (pages === MAX_PAGES) throw new Error('loadPrevious never reached the start');
    await list.loadPrevious(count);
  }
}

/** The edges' node ids of every page that came over the wire, in the order they came. */
// any: the wire data of whichever operation the test sent.
function wireEdges(sent: SentOperation[], connectionAt: (data: any) => { edges: Array<{ node: { id: string } }> }): string[][] {
  return sent.map((s) => connectionAt(s.response.data).edges.map((e) => e.node.id));
}

describe('partnerCards (Query fragment, admin)', () => {
  const cardIds = (list: PaginationFragment) => list.connection().edges.map((e) => e.node.cardId);
  const page = 37; // pages that straddle Klip's pages of 100 (cards 75–111, 186–222)

  it('loadNext from the first page to the end: every card once, in order, and no page on either side', async () => {
    const { environment, sent } = await environmentAs(ADMIN);
    await coldKlip(stack);
    const list = await paginationFragment(environment, partnerCardsQuery, { first: page }, partnerCardsFragment);
    expect(list.hasPrevious()).toBe(false);
    await walkForward(list, page);
    expect(cardIds(list)).toEqual(cardRange(PARTNER_CARD_COUNT));
    expect(stack.sandbox.stats.count(BAPP)).toBe(3); // one call per Klip page of 100
    const pages = wireEdges(sent, (d) => d.partnerCards);
    expect(pages).toHaveLength(Math.ceil(PARTNER_CARD_COUNT / page));
    expect(repeated(pages.flat())).toEqual([]);
    const { edges, pageInfo } = list.connection();
    expect(pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false, startCursor: edges[0]!.cursor, endCursor: edges.at(-1)!.cursor });
    // What Relay sent for the next pages: its own cursor, the backward pair explicitly null.
    expect(sent[1]!.variables).toEqual({ first: page, after: sent[0]!.response.data!.partnerCards.pageInfo.endCursor, last: null, before: null });
    list.dispose();
  });

  it('loadPrevious from the last page to the start: the same cards in the same order', async () => {
    const { environment, sent } = await environmentAs(ADMIN);
    await coldKlip(stack);
    const list = await paginationFragment(environment, partnerCardsQuery, { last: page }, partnerCardsFragment);
    expect(list.hasNext()).toBe(false);
    await walkBackward(list, page);
    expect(cardIds(list)).toEqual(cardRange(PARTNER_CARD_COUNT));
    expect(stack.sandbox.stats.count(BAPP)).toBeLessThanOrEqual(3); // no more than the forward walk
    const pages = wireEdges(sent, (d) => d.partnerCards);
    expect(pages).toHaveLength(Math.ceil(PARTNER_CARD_COUNT / page));
    expect(repeated(pages.flat())).toEqual([]);
    const { edges, pageInfo } = list.connection();
    expect(pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false, startCursor: edges[0]!.cursor, endCursor: edges.at(-1)!.cursor });
    list.dispose();
  });

  it('from a page in the middle, loadNext to the end then loadPrevious to the start fill one connection with the whole list', async () => {
    const { environment: first } = await environmentAs(ADMIN);
    const start = await paginationFragment(first, partnerCardsQuery, { first: 100 }, partnerCardsFragment);
    await start.loadNext(40);
    const middle = start.connection().edges[139]!.cursor; // after card 140
    const { environment } = await environmentAs(ADMIN);
    const list = await paginationFragment(environment, partnerCardsQuery, { first: page, after: middle }, partnerCardsFragment);
    expect(cardIds(list)).toEqual(cardRange(140 + page).slice(140));
    expect([list.hasPrevious(), list.hasNext()]).toEqual([true, true]);
    await walkForward(list, page);
    expect([list.hasPrevious(), list.hasNext()]).toEqual([true, false]);
    await walkBackward(list, page);
    expect(cardIds(list)).toEqual(cardRange(PARTNER_CARD_COUNT));
    expect(list.connection().pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    start.dispose();
    list.dispose();
  });
});

describe('viewer.tokens (Viewer fragment, alice)', () => {
  it('loadNext from the first page to the end: every token once, in Kigo order', async () => {
    const { environment, sent } = await environmentAs({ sub: 'alice' });
    const list = await paginationFragment(environment, walletTokensQuery, { first: 4 }, walletTokensFragment, (data) => data.viewer);
    await walkForward(list, 4);
    const names = list.connection().edges.map((e) => e.node.name);
    expect(names).toHaveLength(ALICE_HOLDINGS.tokens);
    const pages = wireEdges(sent, (d) => d.viewer.tokens);
    expect(pages).toHaveLength(Math.ceil(ALICE_HOLDINGS.tokens / 4));
    expect(list.connection().edges.map((e) => e.node.id)).toEqual(pages.flat());
    expect(repeated(pages.flat())).toEqual([]);
    // A forward-only fragment: Relay selects only endCursor and hasNextPage.
    expect(list.connection().pageInfo).toMatchObject({ hasNextPage: false, endCursor: list.connection().edges.at(-1)!.cursor });
    list.dispose();
  });
});

describe('viewer.assets (Viewer fragment, alice: 26 tokens, 114 cards, 5 voucher codes)', () => {
  const page = 9;
  const holdings = ALICE_HOLDINGS.tokens + ALICE_HOLDINGS.cards + ALICE_HOLDINGS.voucherCodes;
  let expected: { tokens: string[]; cards: string[] };
  beforeAll(async () => {
    expected = await aliceTokenAndCardIds(stack);
  });
  const viewerOf = (data: Record<string, unknown>) => data.viewer;

  /** Tokens in Kigo's order, then cards in Klip's, then the voucher codes; each once, and no page on either side. */
  function expectWholeWallet(list: PaginationFragment) {
    const { edges, pageInfo } = list.connection();
    const ids = edges.map((e) => e.node.id);
    expect(ids.slice(0, ALICE_HOLDINGS.tokens + ALICE_HOLDINGS.cards)).toEqual([...expected.tokens, ...expected.cards]);
    expect(edges.slice(-ALICE_HOLDINGS.voucherCodes).map((e) => e.node.__typename)).toEqual(Array(ALICE_HOLDINGS.voucherCodes).fill('VoucherCode'));
    expect(ids).toHaveLength(holdings);
    expect(repeated(ids)).toEqual([]);
    expect(pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false, startCursor: edges[0]!.cursor, endCursor: edges.at(-1)!.cursor });
  }

  it('loadNext from the first page to the end: every holding once, tokens, then cards, then voucher codes', async () => {
    const { environment, sent } = await environmentAs({ sub: 'alice' });
    const list = await paginationFragment(environment, walletAssetsQuery, { first: page }, walletAssetsFragment, viewerOf);
    await walkForward(list, page);
    expectWholeWallet(list);
    const pages = wireEdges(sent, (d) => d.viewer.assets);
    expect(pages).toHaveLength(Math.ceil(holdings / page));
    expect(repeated(pages.flat())).toEqual([]);
    list.dispose();
  });

  it('loadPrevious from the last page to the start: the same list', async () => {
    const { environment, sent } = await environmentAs({ sub: 'alice' });
    const list = await paginationFragment(environment, walletAssetsQuery, { last: page }, walletAssetsFragment, viewerOf);
    expect(list.hasNext()).toBe(false);
    await walkBackward(list, page);
    expectWholeWallet(list);
    const pages = wireEdges(sent, (d) => d.viewer.assets);
    expect(pages).toHaveLength(Math.ceil(holdings / page));
    expect(repeated(pages.flat())).toEqual([]);
    list.dispose();
  });

  it('from the first card, loadNext to the end then loadPrevious to the start: one connection of the whole wallet', async () => {
    const { environment: scout } = await environmentAs({ sub: 'alice' });
    const head = await paginationFragment(scout, walletAssetsQuery, { first: ALICE_HOLDINGS.tokens }, walletAssetsFragment, viewerOf);
    const afterTokens = head.connection().pageInfo.endCursor;
    const { environment } = await environmentAs({ sub: 'alice' });
    const list = await paginationFragment(environment, walletAssetsQuery, { first: page, after: afterTokens }, walletAssetsFragment, viewerOf);
    expect(list.connection().edges.map((e) => e.node.id)).toEqual(expected.cards.slice(0, page));
    expect([list.hasPrevious(), list.hasNext()]).toEqual([true, true]);
    await walkForward(list, page);
    await walkBackward(list, page);
    expectWholeWallet(list);
    head.dispose();
    list.dispose();
  });

  it('a KLIP-only connection pages back beside the whole one: two connection records on the viewer, by providers', async () => {
    const { environment } = await environmentAs({ sub: 'alice' });
    const whole = await paginationFragment(environment, walletAssetsQuery, { first: 50 }, walletAssetsFragment, viewerOf);
    await walkForward(whole, 50);
    const cards = await paginationFragment(environment, walletAssetsQuery, { last: page, providers: ['KLIP'] }, walletAssetsFragment, viewerOf);
    await walkBackward(cards, page);
    expect(cards.connection().edges.map((e) => e.node.id)).toEqual(expected.cards);
    expect(cards.connection().pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    expectWholeWallet(whole);
    whole.dispose();
    cards.dispose();
  });

  it('kinds: [VOUCHER_CODE] pages back to the codes alone: the last five of the whole wallet, in its order', async () => {
    const { environment } = await environmentAs({ sub: 'alice' });
    const whole = await paginationFragment(environment, walletAssetsQuery, { last: ALICE_HOLDINGS.voucherCodes + 1 }, walletAssetsFragment, viewerOf);
    const codes = await paginationFragment(environment, walletAssetsQuery, { last: 2, kinds: ['VOUCHER_CODE'] }, walletAssetsFragment, viewerOf);
    await walkBackward(codes, 2);
    const ids = codes.connection().edges.map((e) => e.node.id);
    expect(ids).toEqual(whole.connection().edges.slice(1).map((e) => e.node.id));
    expect(codes.connection().edges.map((e) => e.node.__typename)).toEqual(Array(ALICE_HOLDINGS.voucherCodes).fill('VoucherCode'));
    expect(codes.connection().pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    whole.dispose();
    codes.dispose();
  });
});
