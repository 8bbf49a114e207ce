/**
 * Kigo and Klip against a strict sandbox, on the guesses each answer is checked for (Provider guesses in
 * the README): Kigo ignoring the [model] status filter, unknown token ids and claim codes answered 404 or
 * 400 with any code or none, Klip's unknown cards likewise, end cursors `""`, `null` or absent. A fixed
 * seed, so a failure replays; each test checks that the variants it is about were drawn, so it cannot
 * pass without meeting them.
 */
import type { Sandbox } from '../../sandbox/server';
import { toGlobalId } from '../../src/schema/global-id';
import { CardNodeDocument, ClaimTokenDocument, PartnerCardsDocument, TokenNodeDocument, WalletTokensDocument } from '../generated/graphql';
import { ADMIN, CARD_INFO } from '../helpers/klip-cards';
import { startStack, type Stack } from '../helpers/stack';
import { startTestSandbox } from '../helpers/test-sandbox';

const SEED = 4_242;
const CONTRACT = '0xc0ffee0000000000000000000000000000000001';

let sandbox: Sandbox;
let stack: Stack;
beforeAll(async () => {
  sandbox = await startTestSandbox({ strict: true, seed: SEED });
  stack = await startStack({ sandbox });
});
afterAll(async () => {
  await stack.stop();
  await sandbox.close();
});

async function fired(): Promise<Record<string, number>> {
  return (await stack.control('GET', '/_sandbox/strict')).fired;
}

it('lists and counts alice’s tokens by status exactly, whether Kigo applies the filter or not', async () => {
  const expected = { REDEEMED: ['tok_alice_05'], ACTIVE: 25, SHARE_PENDING: 0 };
  for (let round = 0; round < 6; round++) {
    const redeemed = (await stack.gql(WalletTokensDocument, { status: 'REDEEMED', first: 5 }, { sub: 'alice' })).data.viewer.tokens;
    expect({ ids: redeemed.nodes.map((n: { tokenId: string }) => n.tokenId), total: redeemed.totalCount, next: redeemed.pageInfo.hasNextPage }).toEqual({
      ids: expected.REDEEMED,
      total: 1,
      next: false,
    });
    const active = (await stack.gql(WalletTokensDocument, { status: 'ACTIVE', first: 10 }, { sub: 'alice' })).data.viewer.tokens;
    expect(active.totalCount).toBe(expected.ACTIVE);
    expect(active.nodes).toHaveLength(10);
    expect(active.edges.every((e: { node: { status: string } }) => e.node.status === 'ACTIVE')).toBe(true);
    expect(active.pageInfo.hasNextPage).toBe(true);
    const next = (await stack.gql(WalletTokensDocument, { status: 'ACTIVE', first: 20, after: active.pageInfo.endCursor }, { sub: 'alice' })).data.viewer.tokens;
    expect(next.nodes).toHaveLength(15);
    expect(next.pageInfo.hasNextPage).toBe(false);
    expect((await stack.gql(WalletTokensDocument, { status: 'SHARE_PENDING' }, { sub: 'alice' })).data.viewer.tokens.totalCount).toBe(expected.SHARE_PENDING);
  }
  expect((await fired())['kigo.statusFilterIgnored']).toBeGreaterThan(0);
});

it('answers unknown tokens, claim codes and cards as missing, however the upstream words it', async () => {
  await stack.control('POST', '/_sandbox/reset');
  for (let round = 0; round < 8; round++) {
    const token = await stack.gql(TokenNodeDocument, { id: toGlobalId('Token', `tok_nobody_${round}`) }, { sub: 'alice' });
    expect(token.errors).toBeUndefined();
    expect(token.data.node).toBeNull();
    const claim = await stack.gql(ClaimTokenDocument, { input: { claimCode: `NOSUCHCODE${round}XYZ` } }, { sub: `guesser-${round}` });
    expect(claim.data.claimToken.userErrors.map((e: { code: string }) => e.code)).toEqual(['CLAIM_CODE_INVALID']);
    const card = await stack.gql(CardNodeDocument, { id: toGlobalId('Card', `${CONTRACT}:${9000 + round}`) }, ADMIN);
    expect(card.errors).toBeUndefined();
    expect(card.data.node).toBeNull();
  }
  expect(stack.sandbox.stats.count(CARD_INFO)).toBe(8);
  const varied = await fired();
  expect(varied['kigo.unknownId']).toBeGreaterThan(0);
  expect(varied['klip.unknownIdCode']).toBeGreaterThan(0);
});

it('walks all 250 partner cards to the end, however Klip says the list ended', async () => {
  for (let round = 0; round < 4; round++) {
    stack.gateway.services.cards.clearPageCache();
    const ids: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { edges: Array<{ node: { cardId: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } = (await stack.gql(PartnerCardsDocument, { first: 100, after }, ADMIN)).data.partnerCards;
      ids.push(...page.edges.map((e: { node: { cardId: string } }) => e.node.cardId));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(ids).toHaveLength(250);
    expect(new Set(ids).size).toBe(250);
  }
  expect((await fired())['klip.endCursor']).toBeGreaterThan(0);
});
