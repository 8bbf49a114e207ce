import { MintCardDocument, PartnerCardsDocument } from '../generated/graphql';
import { ADMIN, ALICE } from '../helpers/klip-cards';
import { startStack, type Stack } from '../helpers/stack';

let a: Stack;
let b: Stack;
beforeAll(async () => {
  a = await startStack({ postgres: true, redis: true });
  // A second instance of the same deployment: same store, same Redis namespace.
  b = await startStack({ peer: a });
});
afterAll(async () => {
  await b?.stop();
  await a?.stop();
});

async function cardIdsAfter(stack: Stack, after: string | null): Promise<string[]> {
  const res = await stack.gql(PartnerCardsDocument, { first: 100, after }, ADMIN);
  expect(res.errors).toBeUndefined();
  return res.data.partnerCards.edges.map((e: { node: { cardId: string } }) => e.node.cardId);
}

it('a mint on one instance clears the cached card pages of the others (over Redis)', async () => {
  let after: string | null = null;
  for (;;) {
    const res: { data?: any } = await b.gql(PartnerCardsDocument, { first: 100, after }, ADMIN);
    const { pageInfo } = res.data.partnerCards;
    after = pageInfo.endCursor;
    if (!pageInfo.hasNextPage) break;
  }
  expect(await cardIdsAfter(b, after)).toEqual([]);

  const minted = await a.gql(MintCardDocument, { input: { toAddresses: [ALICE], name: 'Cross-instance', imageUrl: 'https://example.test/x.png' } }, ADMIN);
  expect(minted.data.mintCard.cards).toHaveLength(1);
  const newId = minted.data.mintCard.cards[0].cardId;

  const deadline = Date.now() + 3_000;
  let seen: string[] = [];
  while (Date.now() < deadline) {
    seen = await cardIdsAfter(b, after);
    if (seen.length > 0) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(seen).toEqual([newId]);
});
