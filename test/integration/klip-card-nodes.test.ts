import 'reflect-metadata';
import { createScope } from '../../src/scope';
import { toGlobalId } from '../../src/schema/global-id';
import { Card } from '../../src/schema/card.type';
import { CardNodeDocument, CardNodesDocument } from '../generated/graphql';
import { ADMIN, ALICE, BAPP, CARD_INFO, freshKlip, link } from '../helpers/klip-cards';
import { startStack, type Stack } from '../helpers/stack';
import { unlessLeftOut } from '../helpers/test-sandbox';

const CONTRACT = '0xc0ffee0000000000000000000000000000000001';
const cardGid = (n: number | string, contract = CONTRACT) => toGlobalId('Card', `${contract}:${n}`);

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());
beforeEach(() => freshKlip(stack));

it('resolves a card by its global id with every field mapped from Klip', async () => {
  const res = await stack.gql(CardNodeDocument, { id: cardGid(7) }, ADMIN);
  expect(res.errors).toBeUndefined();
  expect(res.data.node).toEqual({
    __typename: 'Card',
    id: cardGid(7),
    cardId: '7',
    provider: 'KLIP',
    // Klip documents name, description, image and attributes for the mint, not for card info [model]:
    // a strict sandbox may leave them out, and the gateway then shows its defaults.
    name: unlessLeftOut(stack.sandbox, 'Sandbox Card #7', 'Card #7'),
    description: unlessLeftOut(stack.sandbox, 'Seeded card 7 of the RewardGraph sandbox contract'),
    imageUrl: unlessLeftOut(stack.sandbox, 'https://sandbox.klip.invalid/images/card-7.png'),
    contractAddress: CONTRACT,
    owner: ALICE,
    sender: '0xfeed000000000000000000000000000000000001',
    transactionHash: expect.stringMatching(/^0x[0-9a-f]{64}$/),
    attributes: unlessLeftOut(
      stack.sandbox,
      [
        { traitType: 'edition', value: 'seed' },
        { traitType: 'tier', value: 'silver' },
      ],
      [],
    ),
    createdAt: '2024-01-01T07:00:00.000Z',
    updatedAt: '2024-01-01T07:00:00.000Z',
  });
});

it('gives listed cards the same ids node(id) resolves', async () => {
  const res = await stack.gql('{ partnerCards(first: 3) { nodes { id cardId } } }', undefined, ADMIN);
  expect(res.data.partnerCards.nodes.map((n: { id: string }) => n.id)).toEqual([cardGid(1), cardGid(2), cardGid(3)]);
});

it('loads each distinct card once per request, and answers null for unknown cards and other contracts', async () => {
  const ids = [cardGid(7), cardGid(8), cardGid(7), cardGid(9999), cardGid(7, '0x0000000000000000000000000000000000000bad'), cardGid('abc'), toGlobalId('Card', 'nonsense')];
  const res = await stack.gql(CardNodesDocument, { ids }, ADMIN);
  expect(res.errors).toBeUndefined();
  expect(res.data.nodes.map((n: { cardId: string } | null) => n?.cardId ?? null)).toEqual(['7', '8', '7', null, null, null, null]);
  expect(stack.sandbox.stats.count(CARD_INFO)).toBe(3);
});

it("shows a viewer only the cards their linked address holds", async () => {
  await link(stack, 'alice', ALICE);
  // Card 7 is alice's, card 8 bob's (the seed deals cards round-robin).
  const res = await stack.gql(CardNodesDocument, { ids: [cardGid(7), cardGid(8)] }, { sub: 'alice' });
  expect(res.data.nodes.map((n: { cardId: string } | null) => n?.cardId ?? null)).toEqual(['7', null]);
  expect(stack.sandbox.stats.count(CARD_INFO)).toBe(2);
  const unlinked = await stack.gql(CardNodeDocument, { id: cardGid(7) }, { sub: 'nobody-linked' });
  expect(unlinked.errors).toBeUndefined();
  expect(unlinked.data.node).toBeNull();
  expect(stack.sandbox.stats.count(CARD_INFO)).toBe(2);
});

it('serves node loads from the cards a listing already fetched in the same request', async () => {
  const scope = createScope({ viewer: { id: 'ops', roles: ['admin'], isAdmin: true } });
  const { cards } = stack.gateway.services;
  const listed = await cards.partnerCards(scope, { first: 10 });
  const loaded = await cards.nodes(scope, [Card.nodeKey(CONTRACT, '3'), Card.nodeKey(CONTRACT, '10')]);
  expect(loaded).toEqual([listed.nodes[2], listed.nodes[9]]);
  expect(stack.sandbox.stats.count(BAPP)).toBe(1);
  expect(stack.sandbox.stats.count(CARD_INFO)).toBe(0);
});
