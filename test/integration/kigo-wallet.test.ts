import { startStack, type Stack } from '../helpers/stack';
import { freshUser, kigoCalls } from '../helpers/kigo';
import { unlessLeftOut } from '../helpers/test-sandbox';
import {
  TokenNodeDocument,
  TokenNodesDocument,
  WalletAndNodesDocument,
  WalletTokensDocument,
  type TokenNodeQuery,
  type TokenNodesQuery,
  type WalletAndNodesQuery,
  type WalletTokensQuery,
} from '../generated/graphql';
import { toGlobalId } from '../../src/schema/global-id';

/* Reads: viewer.tokens as a Relay connection over Kigo's offset/limit, node(id) and nodes(ids). */

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());

const aliceIds = Array.from({ length: 26 }, (_, i) => `tok_alice_${String(i + 1).padStart(2, '0')}`);

async function wallet(sub: string, vars: { first?: number; after?: string | null; status?: 'ACTIVE' | 'SHARE_PENDING' | 'REDEEMED' }) {
  const res = await stack.gql<WalletTokensQuery>(WalletTokensDocument, vars, { sub });
  expect(res.errors).toBeUndefined();
  return res.data!.viewer.tokens;
}

describe('viewer.tokens', () => {
  it('pages through all 26 of alice\'s tokens with exact pageInfo and totalCount', async () => {
    const seen: string[] = [];
    const pages: Array<{ size: number; hasNextPage: boolean; hasPreviousPage: boolean }> = [];
    let after: string | null = null;
    for (;;) {
      const page = await wallet('alice', { first: 10, after });
      expect(page.totalCount).toBe(26);
      seen.push(...page.edges.map((e) => e.node.tokenId));
      pages.push({ size: page.edges.length, hasNextPage: page.pageInfo.hasNextPage, hasPreviousPage: page.pageInfo.hasPreviousPage });
      expect(page.pageInfo.startCursor).toBe(page.edges[0]!.cursor);
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)!.cursor);
      expect(page.nodes.map((n) => n.tokenId)).toEqual(page.edges.map((e) => e.node.tokenId));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor!;
    }
    expect(seen).toEqual(aliceIds);
    expect(pages).toEqual([
      { size: 10, hasNextPage: true, hasPreviousPage: false },
      { size: 10, hasNextPage: true, hasPreviousPage: true },
      { size: 6, hasNextPage: false, hasPreviousPage: true },
    ]);
  });

  it('defaults to 20 tokens and maps every field from Kigo', async () => {
    const page = await wallet('alice', {});
    expect(page.edges).toHaveLength(20);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const first = page.edges[0]!.node;
    expect(first).toEqual({
      id: toGlobalId('Token', 'tok_alice_01'),
      tokenId: 'tok_alice_01',
      provider: 'KIGO',
      kind: 'GIFT_CARD',
      name: 'Blue Bottle Coffee Gift Card',
      description: unlessLeftOut(stack.sandbox, 'A $25 gift card for any Blue Bottle Coffee cafe.'),
      imageUrl: unlessLeftOut(stack.sandbox, expect.stringMatching(/tok_alice_01\.png$/)),
      value: { amount: '25.00', currency: 'USD' },
      status: 'ACTIVE',
      flags: { isShareable: true, isRevealable: true },
      supportedActions: ['share', 'reveal'],
      pendingShare: null,
      expiresAt: '2031-12-31T23:59:59.000Z',
    });
    const offer = page.edges[1]!.node;
    expect(offer).toMatchObject({ kind: 'OFFER', value: null, flags: { isShareable: false, isRevealable: false }, supportedActions: [] });
    expect(page.edges[4]!.node).toMatchObject({ tokenId: 'tok_alice_05', status: 'REDEEMED', supportedActions: [] });
  });

  it('filters by status, counting only the matching tokens', async () => {
    const redeemed = await wallet('alice', { status: 'REDEEMED' });
    expect(redeemed.totalCount).toBe(1);
    expect(redeemed.nodes.map((n) => n.tokenId)).toEqual(['tok_alice_05']);
    expect(redeemed.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    const active = await wallet('alice', { status: 'ACTIVE', first: 100 });
    expect(active.totalCount).toBe(25);
    expect(await wallet('alice', { status: 'SHARE_PENDING' })).toMatchObject({ totalCount: 0, edges: [], pageInfo: { startCursor: null, endCursor: null } });
  });

  it('answers an empty connection for a viewer Kigo has never seen', async () => {
    const page = await wallet(freshUser('nobody'), {});
    expect(page).toMatchObject({ totalCount: 0, edges: [], nodes: [], pageInfo: { hasNextPage: false, hasPreviousPage: false } });
  });

  it('rejects a changed cursor, a cursor of another filter and an out-of-range first with BAD_USER_INPUT', async () => {
    const page = await wallet('alice', { first: 5 });
    const cursor = page.pageInfo.endCursor!;
    const tampered = `${Buffer.from(JSON.stringify({ o: 0 })).toString('base64url')}.${cursor.split('.')[1]}`;
    for (const vars of [{ after: tampered }, { after: 'nonsense' }, { after: cursor, status: 'ACTIVE' as const }, { first: 0 }, { first: 101 }]) {
      const res = await stack.gql(WalletTokensDocument, vars, { sub: 'alice' });
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('node(id) and nodes(ids)', () => {
  it('resolves a token the viewer holds', async () => {
    const res = await stack.gql<TokenNodeQuery>(TokenNodeDocument, { id: toGlobalId('Token', 'tok_bob_01') }, { sub: 'bob' });
    expect(res.errors).toBeUndefined();
    expect(res.data!.node).toMatchObject({ __typename: 'Token', tokenId: 'tok_bob_01', name: 'Harbor Grocery Gift Card', value: { amount: '50.00' } });
  });

  it("answers null for someone else's token, a missing one and a malformed key, like a token that never existed", async () => {
    const ids = [toGlobalId('Token', 'tok_alice_01'), toGlobalId('Token', 'tok_nope_99'), toGlobalId('Token', '../auth/partner'), toGlobalId('Token', 'tok_bob_02')];
    const res = await stack.gql<TokenNodesQuery>(TokenNodesDocument, { ids }, { sub: 'bob' });
    expect(res.errors).toBeUndefined();
    expect(res.data!.nodes).toEqual([null, null, null, { __typename: 'Token', id: ids[3], tokenId: 'tok_bob_02', status: 'ACTIVE' }]);
  });

  it('fetches repeated ids once', async () => {
    stack.sandbox.stats.clear();
    const id = toGlobalId('Token', 'tok_carol_01');
    const res = await stack.gql<TokenNodesQuery>(TokenNodesDocument, { ids: [id, id, id] }, { sub: 'carol' });
    expect(res.data!.nodes.map((n) => (n && 'tokenId' in n ? n.tokenId : null))).toEqual(['tok_carol_01', 'tok_carol_01', 'tok_carol_01']);
    expect(kigoCalls(stack, 'GET /wallet/tokens/:tokenId')).toBe(1);
  });

  it('costs no upstream call for ids the same operation listed', async () => {
    await wallet('alice', { first: 1 }); // the session exists, so only wallet calls are counted below
    stack.sandbox.stats.clear();
    const listed = [toGlobalId('Token', 'tok_alice_02'), toGlobalId('Token', 'tok_alice_03'), toGlobalId('Token', 'tok_alice_02')];
    const unlisted = toGlobalId('Token', 'tok_alice_20');
    const res = await stack.gql<WalletAndNodesQuery>(WalletAndNodesDocument, { first: 5, ids: [...listed, unlisted] }, { sub: 'alice' });
    expect(res.errors).toBeUndefined();
    expect(res.data!.viewer.tokens.nodes).toHaveLength(5);
    expect(res.data!.nodes.map((n) => (n && 'tokenId' in n ? n.tokenId : null))).toEqual(['tok_alice_02', 'tok_alice_03', 'tok_alice_02', 'tok_alice_20']);
    expect(kigoCalls(stack, 'GET /wallet/tokens')).toBe(1);
    expect(kigoCalls(stack, 'GET /wallet/tokens/:tokenId')).toBe(1);
  });
});
