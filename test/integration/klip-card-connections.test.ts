import { PartnerCardsDocument, ViewerCardsDocument, type PartnerCardsQuery, type ViewerCardsQuery } from '../generated/graphql';
import { ADMIN, ALICE, BAPP, BOB, HOLDER_CARDS, freshKlip, link } from '../helpers/klip-cards';
import { startStack, type Stack } from '../helpers/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());
beforeEach(() => freshKlip(stack));

type Page = PartnerCardsQuery['partnerCards'];

async function partnerPage(first: number | null, after?: string | null): Promise<Page> {
  const res = await stack.gql<PartnerCardsQuery>(PartnerCardsDocument, { first, after }, ADMIN);
  expect(res.errors).toBeUndefined();
  return res.data!.partnerCards;
}

async function walkPartner(first: number): Promise<{ ids: string[]; pages: Page[] }> {
  const pages: Page[] = [];
  let after: string | null = null;
  do {
    const page: Page = await partnerPage(first, after);
    pages.push(page);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor! : null;
  } while (after && pages.length < 300);
  return { ids: pages.flatMap((p) => p.nodes.map((n) => n.id)), pages };
}

const cardIds = (page: Page) => page.edges.map((e) => e.node.cardId);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

describe('partnerCards', () => {
  it('walks all 250 cards 20 at a time, each once and in order, with one Klip page call per Klip page', async () => {
    const { ids, pages } = await walkPartner(20);
    expect(pages).toHaveLength(13);
    expect(pages.flatMap(cardIds)).toEqual(range(1, 250));
    expect(new Set(ids).size).toBe(250);
    expect(stack.sandbox.stats.count(BAPP)).toBe(3);
    expect(pages.map((p) => p.pageInfo.hasNextPage)).toEqual([...Array(12).fill(true), false]);
    expect(pages.map((p) => p.pageInfo.hasPreviousPage)).toEqual([false, ...Array(12).fill(true)]);
  });

  it.each([1, 7, 99, 100])('answers exact pages for first: %i', async (first) => {
    const { pages } = await walkPartner(first);
    expect(pages.flatMap(cardIds)).toEqual(range(1, 250));
    expect(pages).toHaveLength(Math.ceil(250 / first));
    for (const [n, page] of pages.entries()) {
      expect(page.edges).toHaveLength(n < pages.length - 1 ? first : 250 - first * (pages.length - 1));
      expect(page.pageInfo.startCursor).toBe(page.edges[0]!.cursor);
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)!.cursor);
    }
    expect(pages.at(-1)!.pageInfo.hasNextPage).toBe(false);
    expect(stack.sandbox.stats.count(BAPP)).toBe(3);
  });

  it('says there is no next page when the last card closes the last Klip page, and answers an empty page after it', async () => {
    const first = await partnerPage(100);
    const second = await partnerPage(100, first.pageInfo.endCursor);
    const third = await partnerPage(50, second.pageInfo.endCursor);
    expect(cardIds(third)).toEqual(range(201, 250));
    expect(third.pageInfo.hasNextPage).toBe(false);
    const after = await partnerPage(10, third.pageInfo.endCursor);
    expect(after.edges).toEqual([]);
    expect(after.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null });
  });

  it('continues from any edge cursor, not only endCursor', async () => {
    const page = await partnerPage(100);
    const next = await partnerPage(3, page.edges[41]!.cursor);
    expect(cardIds(next)).toEqual(['43', '44', '45']);
    const crossing = await partnerPage(5, page.edges[97]!.cursor);
    expect(cardIds(crossing)).toEqual(['99', '100', '101', '102', '103']);
  });

  it('defaults to 20 cards when first is not given', async () => {
    expect(cardIds(await partnerPage(null))).toEqual(range(1, 20));
  });

  it.each([0, -1, 101])('refuses first: %i with BAD_USER_INPUT', async (first) => {
    const res = await stack.gql(PartnerCardsDocument, { first }, ADMIN);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/`first` must be between 1 and 100/);
    expect(stack.sandbox.stats.count(BAPP)).toBe(0);
  });

  it('refuses a cursor that was tampered with', async () => {
    const page = await partnerPage(2);
    const cursor = page.pageInfo.endCursor!;
    const [body, tag] = cursor.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body!, 'base64url').toString()), i: 50 })).toString('base64url');
    for (const after of [`${forged}.${tag}`, `${body}.AAAAAAAAAAAAAAAAAAAAAA`, 'not-a-cursor']) {
      const res = await stack.gql(PartnerCardsDocument, { first: 2, after }, ADMIN);
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).toMatch(/`after` is not a cursor this connection issued/);
    }
  });

  it.each([
    [{ last: 0 }, /`last` must be between 1 and 100 \(got 0\)/],
    [{ before: 'x' }, /`before` is not a cursor this connection issued/],
    [{ first: 5, last: 5 }, /page one way at a time/],
  ])('refuses bad backward paging arguments %j with BAD_USER_INPUT', async (vars, message) => {
    const res = await stack.gql(PartnerCardsDocument, vars, ADMIN);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(message);
  });

  it('is admin only', async () => {
    const res = await stack.gql(PartnerCardsDocument, { first: 5 }, { sub: 'alice' });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(res.data?.partnerCards).toBeUndefined();
    expect(stack.sandbox.stats.count(BAPP)).toBe(0);
  });

  it('shares a page among concurrent requests', async () => {
    const pages = await Promise.all(Array.from({ length: 10 }, () => partnerPage(10)));
    expect(new Set(pages.map((p) => cardIds(p).join()))).toEqual(new Set([range(1, 10).join()]));
    expect(stack.sandbox.stats.count(BAPP)).toBe(1);
  });
});

describe('viewer.cards', () => {
  type VPage = ViewerCardsQuery['viewer']['cards'];
  async function viewerPage(sub: string, first: number, after?: string | null): Promise<VPage> {
    const res = await stack.gql<ViewerCardsQuery>(ViewerCardsDocument, { first, after }, { sub });
    expect(res.errors).toBeUndefined();
    return res.data!.viewer.cards;
  }

  it('is an empty connection until the viewer links an address', async () => {
    const page = await viewerPage('nobody-linked', 10);
    expect(page).toEqual({ edges: [], nodes: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } });
    expect(stack.sandbox.stats.count(HOLDER_CARDS)).toBe(0);
  });

  it("lists the linked address's cards across Klip pages, one page call per Klip page", async () => {
    const holder = '0xdddd000000000000000000000000000000000004';
    await stack.control('POST', `/_sandbox/klip/holders/${holder}/cards`, { count: 130 });
    await link(stack, 'dave', holder);
    const pages: VPage[] = [];
    let after: string | null = null;
    do {
      const page: VPage = await viewerPage('dave', 30, after);
      pages.push(page);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor! : null;
    } while (after && pages.length < 20);
    expect(pages.map((p) => p.edges.length)).toEqual([30, 30, 30, 30, 10]);
    expect(pages.flatMap((p) => p.edges.map((e) => e.node.cardId))).toEqual(range(251, 380));
    expect(pages.every((p) => p.edges.every((e) => e.node.owner === holder))).toBe(true);
    expect(stack.sandbox.stats.count(HOLDER_CARDS)).toBe(2);
  });

  it("never answers one viewer with another's cards, and refuses another viewer's cursor", async () => {
    await link(stack, 'alice', ALICE);
    await link(stack, 'bob', BOB);
    const alice = await viewerPage('alice', 100);
    const bob = await viewerPage('bob', 100);
    expect(alice.edges).toHaveLength(84);
    expect(alice.pageInfo.hasNextPage).toBe(false);
    expect(alice.edges.every((e) => e.node.owner === ALICE)).toBe(true);
    expect(bob.edges).toHaveLength(83);
    expect(bob.edges.every((e) => e.node.owner === BOB)).toBe(true);

    const res = await stack.gql(ViewerCardsDocument, { first: 5, after: alice.edges[3]!.cursor }, { sub: 'bob' });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a cursor from before the viewer linked another address', async () => {
    await link(stack, 'erin', ALICE);
    const before = await viewerPage('erin', 5);
    await link(stack, 'erin', BOB);
    const res = await stack.gql(ViewerCardsDocument, { first: 5, after: before.pageInfo.endCursor }, { sub: 'erin' });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await viewerPage('erin', 1)).edges[0]!.node.owner).toBe(BOB);
  });

  it('checks first, last and the direction like partnerCards', async () => {
    for (const [vars, message] of [
      [{ first: 101 }, /`first` must be between 1 and 100/],
      [{ last: 101 }, /`last` must be between 1 and 100/],
      [{ before: 'x', first: 2 }, /page one way at a time/],
    ] as const) {
      const res = await stack.gql(ViewerCardsDocument, vars, { sub: 'alice' });
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).toMatch(message);
    }
  });
});
