/* The README's Klip cards walk-through as a reader runs it: page the partner's cards, mint, look a card up, list a holder's cards. */
import { App2AppRequestUpdatesDocument } from '../generated/graphql';
import { prepareRequest, wallet } from '../helpers/app2app';
import { answers, graphqlOperations, readmeSection, runShell, shellBlocks } from '../helpers/readme';
import { startStack, subscribe, type Stack } from '../helpers/stack';
import { unlessLeftOut } from '../helpers/test-sandbox';

const section = () => readmeSection("## Walk-through: Klip cards (partner cards, minting, a holder's cards)");
const BOB_ADDRESS = '0xb0b0000000000000000000000000000000000002';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: { APP2APP_POLL_INTERVAL_MS: '50' } });
});
afterAll(() => stack.stop());

/** Links alice's seeded wallet address to `sub`, as the App2App walk-through does. */
async function linkWallet(sub: string): Promise<void> {
  const request = await prepareRequest(stack, sub, { type: 'AUTH' });
  const updates = subscribe(stack.wsClient({ sub }), App2AppRequestUpdatesDocument, { requestKey: request.requestKey });
  await updates.waitFor(1);
  await wallet(stack, request.requestKey).approve();
  expect((await updates.done).error).toBeUndefined();
}

it('the GraphQL blocks: two pages of partner cards, a mint, the minted card by id, a holder’s cards', async () => {
  const op = graphqlOperations(section());
  expect([...op.keys()].sort()).toEqual(['CardById', 'MintBadge', 'MyCards', 'PartnerCards']);
  const run = async (name: string, as: { sub: string; admin?: boolean }, variables?: Record<string, unknown>) => {
    const res = await stack.gql(op.get(name)!, variables, as);
    expect(res.errors).toBeUndefined();
    return res.data;
  };
  const admin = { sub: 'ops', admin: true };

  const first = (await run('PartnerCards', admin)).partnerCards;
  expect(first.edges).toHaveLength(3);
  expect(first.pageInfo.hasNextPage).toBe(true);
  const second = (await run('PartnerCards', admin, { after: first.pageInfo.endCursor })).partnerCards;
  expect(second.edges).toHaveLength(3);
  expect(second.edges[0].node.cardId).not.toBe(first.edges[2].node.cardId);
  const forbidden = await stack.gql(op.get('PartnerCards')!, undefined, { sub: 'alice' });
  expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

  const minted = (await run('MintBadge', admin)).mintCard;
  expect(minted).toMatchObject({ userErrors: [], cards: [{ name: 'Summit badge', owner: BOB_ADDRESS, attributes: [{ traitType: 'year', value: '2024' }] }] });
  expect((await run('MintBadge', admin)).mintCard).toEqual(minted);
  const card = minted.cards[0];
  // Card info's name is [model] (Klip documents it for the mint): a strict sandbox may leave it out.
  const named = unlessLeftOut(stack.sandbox, 'Summit badge', `Card #${card.cardId}`);
  expect((await run('CardById', admin, { id: card.id })).node).toMatchObject({ id: card.id, cardId: card.cardId, name: named, owner: BOB_ADDRESS });
  expect((await run('CardById', { sub: 'alice' }, { id: card.id })).node).toBeNull();

  expect((await run('MyCards', { sub: 'cards-readme' })).viewer).toEqual({ klaytnAddress: null, cards: { edges: [], pageInfo: expect.objectContaining({ hasNextPage: false }) } });
  await linkWallet('cards-readme');
  const mine = (await run('MyCards', { sub: 'cards-readme' })).viewer;
  expect(mine.klaytnAddress).toBe('0xa11ce00000000000000000000000000000000001');
  expect(mine.cards.edges).toHaveLength(3);
  expect(mine.cards.pageInfo.hasNextPage).toBe(true);
});

it('the curl forms, each next to its GraphQL', async () => {
  const blocks = shellBlocks(section());
  expect(blocks).toHaveLength(4);
  const [partnerCards, mint, byId, myCards] = blocks;
  const env = { API: stack.baseUrl, TOKEN: await stack.token('cards-curl'), ADMIN: await stack.token('ops', { admin: true }) };
  const sh = async (block: string, extra: Record<string, string> = {}) => {
    const run = await runShell(block, { ...env, ...extra });
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    const all = answers(run.stdout);
    for (const answer of all) expect(answer.errors).toBeUndefined();
    return all.map((answer) => answer.data);
  };

  const firstPage = (await stack.gql('{ partnerCards(first: 3) { pageInfo { endCursor } } }', undefined, { sub: 'ops', admin: true })).data.partnerCards;
  const [page1, page2] = await sh(partnerCards!, { CURSOR: firstPage.pageInfo.endCursor });
  expect(page1.partnerCards.pageInfo.endCursor).toBe(firstPage.pageInfo.endCursor);
  expect(page2.partnerCards.edges).toHaveLength(3);
  expect(page2.partnerCards.edges[0].cursor).not.toBe(page1.partnerCards.edges[0].cursor);

  const [minted] = await sh(mint!);
  expect(minted.mintCard).toMatchObject({ userErrors: [], cards: [{ name: 'Summit badge', owner: BOB_ADDRESS }] });
  const [found] = await sh(byId!, { CARD: minted.mintCard.cards[0].id });
  expect(found.node).toMatchObject({ cardId: minted.mintCard.cards[0].cardId, name: unlessLeftOut(stack.sandbox, 'Summit badge', `Card #${minted.mintCard.cards[0].cardId}`) });

  await linkWallet('cards-curl');
  const [mine] = await sh(myCards!);
  expect(mine.viewer.cards.edges).toHaveLength(3);
});
