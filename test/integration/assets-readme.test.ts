/* The README's viewer.assets walk-through as a reader runs it: the newest holdings (a mixed page), paging back, filters. */
import { PlaceVoucherOrderDocument } from '../generated/graphql';
import { ALICE, link } from '../helpers/klip-cards';
import { graphqlOperations, readmeSection, shellBlocks, shellData } from '../helpers/readme';
import { startStack, type Stack } from '../helpers/stack';
import { toGlobalId } from '../../src/schema/global-id';

const section = () => readmeSection('## Walk-through: everything a viewer holds (`viewer.assets`)');

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
  // What the App2App and Xoxoday walk-throughs leave behind: alice's address linked, an order of two codes.
  await link(stack, 'alice', ALICE);
  const order = await stack.gql(PlaceVoucherOrderDocument, { input: { voucherId: toGlobalId('Voucher', '10002'), denomination: '25.00', quantity: 2, idempotencyKey: 'order-2024-001' } }, { sub: 'alice' });
  expect(order.data.placeVoucherOrder.userErrors).toEqual([]);
});
afterAll(() => stack.stop());

/** What the walk-through says of the answers, for the GraphQL and the curl forms alike. */
function checkNewest(newest: any) {
  const edges = newest.viewer.assets.edges;
  expect(edges.map((e: any) => [e.node.__typename, e.node.provider, e.node.assetKind])).toEqual([
    ['Card', 'KLIP', 'CARD'],
    ['Card', 'KLIP', 'CARD'],
    ['VoucherCode', 'XOXODAY', 'VOUCHER_CODE'],
    ['VoucherCode', 'XOXODAY', 'VOUCHER_CODE'],
  ]);
  expect(edges[0].node.value).toBeNull();
  expect(edges[2].node).toMatchObject({ value: { amount: '25.00', currency: 'USD' }, code: expect.any(String) });
  expect(edges[2].node.acquiredAt).toEqual(expect.any(String));
  expect(newest.viewer.assets.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
}

function checkOlder(older: any, newest: any) {
  const cards = older.viewer.assets.edges.map((e: any) => e.node);
  expect(cards.map((n: any) => n.__typename)).toEqual(['Card', 'Card', 'Card', 'Card']);
  const firstNewest = Number(newest.viewer.assets.edges[0].node.cardId);
  expect(cards.map((n: any) => Number(n.cardId)).every((id: number) => id < firstNewest)).toBe(true);
  expect(older.viewer.assets.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
}

function checkFilters(tokens: any, codes: any) {
  expect(tokens.viewer.assets.edges.map((e: any) => e.node.__typename)).toEqual(['Token', 'Token', 'Token']);
  expect(tokens.viewer.assets.pageInfo.hasNextPage).toBe(true);
  const codeNodes = codes.viewer.assets.edges.map((e: any) => e.node);
  expect(codeNodes).toHaveLength(2);
  for (const node of codeNodes) expect(node).toMatchObject({ code: expect.any(String), voucher: { productId: '10002' }, value: { amount: '25.00' } });
}

it('the GraphQL blocks: a mixed page from the end, the page before it, filters', async () => {
  const op = graphqlOperations(section());
  expect([...op.keys()].sort()).toEqual(['MyTokenAssets', 'MyVoucherCodes', 'NewestAssets', 'OlderAssets']);
  const run = async (name: string, variables?: Record<string, unknown>) => {
    const res = await stack.gql(op.get(name)!, variables, { sub: 'alice' });
    expect(res.errors).toBeUndefined();
    return res.data;
  };
  const newest = await run('NewestAssets');
  checkNewest(newest);
  checkOlder(await run('OlderAssets', { before: newest.viewer.assets.pageInfo.startCursor }), newest);
  checkFilters(await run('MyTokenAssets'), await run('MyVoucherCodes'));
  // A code's id works with node(id:), for its owner only.
  const codeId = newest.viewer.assets.edges[2].node.id;
  expect((await stack.gql('query ($id: ID!) { node(id: $id) { id } }', { id: codeId }, { sub: 'alice' })).data.node).toEqual({ id: codeId });
  expect((await stack.gql('query ($id: ID!) { node(id: $id) { id } }', { id: codeId }, { sub: 'bob' })).data.node).toBeNull();
});

it('the curl forms, each next to its GraphQL', async () => {
  const blocks = shellBlocks(section());
  expect(blocks).toHaveLength(3);
  const [newestBlock, olderBlock, filterBlock] = blocks;
  const env = { API: stack.baseUrl, TOKEN: await stack.token('alice') };
  const sh = (block: string, extra: Record<string, string> = {}) => shellData(block, { ...env, ...extra });
  const [newest] = await sh(newestBlock!);
  checkNewest(newest);
  const [older] = await sh(olderBlock!, { BEFORE: newest.viewer.assets.pageInfo.startCursor });
  checkOlder(older, newest);
  const [tokens, codes] = await sh(filterBlock!);
  checkFilters(tokens, codes);
});
