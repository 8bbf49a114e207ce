import { CardNodeDocument, PartnerCardsDocument, ViewerCardsDocument } from '../generated/graphql';
import { toGlobalId } from '../../src/schema/global-id';
import { ADMIN, ALICE, BAPP, freshKlip, link } from '../helpers/klip-cards';
import { startStack, type Stack } from '../helpers/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: { UPSTREAM_TIMEOUT_MS: '400' } });
});
afterAll(() => stack.stop());
beforeEach(async () => {
  await stack.control('DELETE', '/_sandbox/faults');
  await freshKlip(stack);
});

const fault = (rule: Record<string, unknown>) => stack.control('POST', '/_sandbox/faults', { provider: 'klip', ...rule });

describe('Klip failures', () => {
  it('maps a 5xx to UPSTREAM_UNAVAILABLE with provider KLIP after retrying the GET, and does not cache the failure', async () => {
    await fault({ method: 'GET', path: '/wallet/bapp$', status: 503, times: 3 });
    const res = await stack.gql(PartnerCardsDocument, { first: 5 }, ADMIN);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', provider: 'KLIP' });
    expect(res.errors?.[0]?.message).not.toMatch(/injected/);
    expect(stack.sandbox.stats.count(BAPP)).toBe(3);
    const again = await stack.gql(PartnerCardsDocument, { first: 5 }, ADMIN);
    expect(again.errors).toBeUndefined();
    expect(again.data.partnerCards.nodes).toHaveLength(5);
  });

  it('maps a 429 to RATE_LIMITED with provider KLIP', async () => {
    await fault({ method: 'GET', path: '/wallet/bapp$', status: 429, times: 1 });
    const res = await stack.gql(PartnerCardsDocument, { first: 5 }, ADMIN);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', provider: 'KLIP' });
  });

  it('maps a slow answer to UPSTREAM_TIMEOUT with provider KLIP', async () => {
    await fault({ method: 'GET', path: '/wallet/card/', delayMs: 1500 });
    const res = await stack.gql(CardNodeDocument, { id: toGlobalId('Card', '0xc0ffee0000000000000000000000000000000001:5') }, ADMIN);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_TIMEOUT', provider: 'KLIP' });
  });

  it('maps a dropped connection on the App2App card list to UPSTREAM_UNAVAILABLE with provider KLIP', async () => {
    await link(stack, 'alice', ALICE);
    await fault({ method: 'GET', path: '/a2a/cards$', drop: true });
    const res = await stack.gql(ViewerCardsDocument, { first: 5 }, { sub: 'alice' });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', provider: 'KLIP' });
  });

  it('answers BAD_USER_INPUT on `after` when Klip no longer accepts the page cursor inside it', async () => {
    const first = (await stack.gql(PartnerCardsDocument, { first: 100 }, ADMIN)).data.partnerCards;
    stack.gateway.services.cards.clearPageCache();
    await fault({ method: 'GET', path: '/wallet/bapp$', status: 400, body: { code: 40001, message: 'cursor: is not a next_cursor issued for this listing' }, times: 1 });
    const res = await stack.gql(PartnerCardsDocument, { first: 5, after: first.edges[99].cursor }, ADMIN);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/start again without `after`/);
  });
});

describe('the page cache', () => {
  let uncached: Stack;
  beforeAll(async () => {
    uncached = await startStack({ sandbox: stack.sandbox, env: { KLIP_PAGE_CACHE_TTL_SECONDS: '0' } });
  });
  afterAll(() => uncached.stop());

  it('is what keeps a walk at one call per Klip page: without it, the same 250-card walk costs 17 calls', async () => {
    await uncached.gql(PartnerCardsDocument, { first: 1 }, ADMIN);
    await stack.control('DELETE', '/_sandbox/stats');
    let after: string | null = null;
    let pages = 0;
    do {
      const res: { data?: any } = await uncached.gql(PartnerCardsDocument, { first: 20, after }, ADMIN);
      after = res.data.partnerCards.pageInfo.hasNextPage ? res.data.partnerCards.pageInfo.endCursor : null;
      pages += 1;
    } while (after);
    expect(pages).toBe(13);
    // 13 page reads, plus at each of the two Klip page boundaries the look-ahead for hasNextPage and
    // the next request's re-read of the page its cursor sits at the end of.
    expect(stack.sandbox.stats.count(BAPP)).toBe(17);
  });
});
