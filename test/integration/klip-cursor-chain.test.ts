/**
 * The Klip cursor chain behind backward card pages: shared by two instances of one deployment over
 * Redis (a backward page on the instance that did not page forward costs one Klip page call), and
 * forgotten with the page cache, after which a backward page that needs it is a clear BAD_USER_INPUT.
 */
import { PartnerCardsDocument, type PartnerCardsQuery } from '../generated/graphql';
import { ADMIN, BAPP, freshKlip } from '../helpers/klip-cards';
import { startStack, type Stack } from '../helpers/stack';

type Page = PartnerCardsQuery['partnerCards'];

async function page(stack: Stack, args: Record<string, unknown>): Promise<Page> {
  const res = await stack.gql<PartnerCardsQuery>(PartnerCardsDocument, args, ADMIN);
  expect(res.errors).toBeUndefined();
  return res.data!.partnerCards;
}

const cardIds = (p: Page) => p.edges.map((e) => e.node.cardId);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

describe('over Redis, two instances', () => {
  let a: Stack;
  let b: Stack;
  beforeAll(async () => {
    a = await startStack({ redis: true });
    b = await startStack({ peer: a });
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
  });

  it('pages back on one instance over Klip pages the other read forward, one Klip page call', async () => {
    await freshKlip(a);
    b.gateway.services.cards.clearPageCache();
    const first = await page(a, { first: 100 });
    const second = await page(a, { first: 100, after: first.pageInfo.endCursor });
    expect(cardIds(second)).toEqual(range(101, 200));
    await a.control('DELETE', '/_sandbox/stats');

    // b has no cached page and never saw Klip's cursors: the chain in Redis says which page comes before.
    const back = await page(b, { last: 30, before: second.pageInfo.startCursor });
    expect(cardIds(back)).toEqual(range(71, 100));
    expect(back.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
    expect(a.sandbox.stats.count(BAPP)).toBe(1);

    // From the end, b finds the last page from the chain too: one call for it (page 2 is not cached on b).
    await a.control('DELETE', '/_sandbox/stats');
    const end = await page(b, { last: 10 });
    expect(cardIds(end)).toEqual(range(241, 250));
    expect(end.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    expect(a.sandbox.stats.count(BAPP)).toBe(1);
  });
});

describe('when the chain has expired', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: { KLIP_PAGE_CACHE_TTL_SECONDS: '2' } });
  });
  afterAll(() => stack?.stop());

  it('refuses a backward page that needs a forgotten Klip page with BAD_USER_INPUT, and pages within a page still', async () => {
    await freshKlip(stack);
    const first = await page(stack, { first: 100 });
    const second = await page(stack, { first: 100, after: first.pageInfo.endCursor });
    await new Promise((resolve) => setTimeout(resolve, 2_500));

    const res = await stack.gql(PartnerCardsDocument, { last: 5, before: second.pageInfo.startCursor }, ADMIN);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['before'] });
    expect(res.errors?.[0]?.message).toMatch(/no longer knows/);

    // Within its Klip page a backward page needs no link.
    const within = await page(stack, { last: 5, before: second.pageInfo.endCursor });
    expect(cardIds(within)).toEqual(range(195, 199));
    // Paging forward again re-learns the link.
    await page(stack, { first: 100 });
    expect(cardIds(await page(stack, { last: 5, before: second.pageInfo.startCursor }))).toEqual(range(96, 100));
  });
});
