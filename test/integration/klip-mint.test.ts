import { MintCardDocument, PartnerCardsDocument, PartnerMintQuotaDocument, ViewerCardsDocument, type MintCardMutationVariables } from '../generated/graphql';
import { ADMIN, ALICE, LOGIN, MINT, freshKlip, link } from '../helpers/klip-cards';
import { startStack, type Stack } from '../helpers/stack';

const DAVE_MIXED_CASE = '0xDdDdDDdDdDDdddDdDDdDDdDDdDdDDDdDDDDDDDD4';
const DAVE = DAVE_MIXED_CASE.toLowerCase();

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());
beforeEach(() => freshKlip(stack));

function input(overrides: Partial<MintCardMutationVariables['input']> = {}): MintCardMutationVariables['input'] {
  return {
    toAddresses: [ALICE, DAVE_MIXED_CASE],
    name: 'Launch Badge',
    description: 'for early users',
    imageUrl: 'https://example.test/badge.png',
    attributes: [{ traitType: 'season', value: '1' }],
    ...overrides,
  };
}

async function mint(vars: MintCardMutationVariables['input'], as: { sub: string; admin?: boolean } = ADMIN) {
  return stack.gql(MintCardDocument, { input: vars }, as);
}

describe('mintCard', () => {
  it('mints one card per address through the partner API and returns them', async () => {
    const res = await mint(input({ clientMutationId: 'm-1' }));
    expect(res.errors).toBeUndefined();
    const payload = res.data.mintCard;
    expect(payload.userErrors).toEqual([]);
    expect(payload.clientMutationId).toBe('m-1');
    expect(payload.cards).toHaveLength(2);
    expect(payload.cards[0]).toMatchObject({
      cardId: '251',
      provider: 'KLIP',
      name: 'Launch Badge',
      description: 'for early users',
      imageUrl: 'https://example.test/badge.png',
      contractAddress: '0xc0ffee0000000000000000000000000000000001',
      owner: ALICE,
      attributes: [{ traitType: 'season', value: '1' }],
    });
    expect(payload.cards[1]).toMatchObject({ cardId: '252', owner: DAVE });
    expect(payload.cards[0].transactionHash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(Date.parse(payload.cards[0].createdAt)).not.toBeNaN();
    expect(stack.sandbox.stats.count(MINT)).toBe(1);
  });

  it('shows the new cards at once in listings whose last page was cached', async () => {
    await link(stack, 'dave', DAVE);
    const last = (await stack.gql(PartnerCardsDocument, { first: 50, after: null }, ADMIN)).data.partnerCards;
    let endCursor = last.pageInfo.endCursor;
    for (let page = last; page.pageInfo.hasNextPage; endCursor = page.pageInfo.endCursor) {
      page = (await stack.gql(PartnerCardsDocument, { first: 100, after: page.pageInfo.endCursor }, ADMIN)).data.partnerCards;
    }
    expect((await stack.gql(ViewerCardsDocument, { first: 10 }, { sub: 'dave' })).data.viewer.cards.edges).toEqual([]);

    await mint(input());
    const after = (await stack.gql(PartnerCardsDocument, { first: 10, after: endCursor }, ADMIN)).data.partnerCards;
    expect(after.edges.map((e: { node: { cardId: string } }) => e.node.cardId)).toEqual(['251', '252']);
    const daves = (await stack.gql(ViewerCardsDocument, { first: 10 }, { sub: 'dave' })).data.viewer.cards;
    expect(daves.edges.map((e: { node: { cardId: string } }) => e.node.cardId)).toEqual(['252']);
  });

  it('is admin only', async () => {
    const res = await mint(input(), { sub: 'alice' });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(stack.sandbox.stats.count(MINT)).toBe(0);
  });

  it('answers every input problem as userErrors with the field at fault, without calling Klip', async () => {
    const res = await mint(
      input({
        toAddresses: [ALICE, '0x123', 'alice'],
        name: '   ',
        imageUrl: 'ftp://example.test/x.png',
        attributes: [{ traitType: 'ok', value: 'x' }, { traitType: '', value: 'y' }],
      }),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.mintCard.cards).toEqual([]);
    expect(res.data.mintCard.userErrors).toEqual([
      { code: 'INVALID_INPUT', message: 'Must be a Klaytn address: 0x followed by 40 hex digits', field: ['input', 'toAddresses', '1'] },
      { code: 'INVALID_INPUT', message: 'Must be a Klaytn address: 0x followed by 40 hex digits', field: ['input', 'toAddresses', '2'] },
      { code: 'INVALID_INPUT', message: 'Must not be empty', field: ['input', 'name'] },
      { code: 'INVALID_INPUT', message: 'Must be an http or https URL', field: ['input', 'imageUrl'] },
      { code: 'INVALID_INPUT', message: 'Must not be empty', field: ['input', 'attributes', '1', 'traitType'] },
    ]);
    const tooMany = await mint(input({ toAddresses: Array(101).fill(ALICE) }));
    expect(tooMany.data.mintCard.userErrors).toEqual([{ code: 'QUANTITY_TOO_LARGE', message: 'At most 100 addresses per mint (got 101)', field: ['input', 'toAddresses'] }]);
    const none = await mint(input({ toAddresses: [] }));
    expect(none.data.mintCard.userErrors).toEqual([{ code: 'INVALID_INPUT', message: 'List at least one address to mint to', field: ['input', 'toAddresses'] }]);
    expect(stack.sandbox.stats.count(MINT)).toBe(0);
  });

  it.each([
    [
      { code: 40004, message: 'to_address[1]: must be a Klaytn address: 0x followed by 40 hex digits' },
      [{ code: 'INVALID_INPUT', message: 'Must be a Klaytn address: 0x followed by 40 hex digits', field: ['input', 'toAddresses', '1'] }],
    ],
    [
      { code: 40000, message: 'attributes[0].trait_type: must not be empty; image: must be at most 2048 characters' },
      [
        { code: 'INVALID_INPUT', message: 'Must not be empty', field: ['input', 'attributes', '0', 'traitType'] },
        { code: 'INVALID_INPUT', message: 'Must be at most 2048 characters', field: ['input', 'imageUrl'] },
      ],
    ],
    [
      { code: 40005, message: 'minting 2 cards would exceed mint_limit 100000' },
      [{ code: 'QUANTITY_TOO_LARGE', message: 'Minting this many cards would exceed the partner’s mint limit', field: ['input', 'toAddresses'] }],
    ],
  ])('maps Klip’s 400 %j to userErrors', async (body, userErrors) => {
    await stack.control('POST', '/_sandbox/faults', { provider: 'klip', method: 'POST', path: '/wallet/mint$', status: 400, body, times: 1 });
    const res = await mint(input({ clientMutationId: `klip-400-${body.code}` }));
    expect(res.errors).toBeUndefined();
    expect(res.data.mintCard).toEqual({ cards: [], userErrors, clientMutationId: `klip-400-${body.code}` });
    // Refused, so nothing was recorded for the clientMutationId: the corrected retry mints.
    const retry = await mint(input({ clientMutationId: `klip-400-${body.code}` }));
    expect(retry.data.mintCard.cards).toHaveLength(2);
  });

  it('mints once for a repeated clientMutationId, even concurrently, and replays the first answer', async () => {
    const [a, b] = await Promise.all([mint(input({ clientMutationId: 'same' })), mint(input({ clientMutationId: 'same' }))]);
    const c = await mint(input({ clientMutationId: 'same' }));
    expect(stack.sandbox.stats.count(MINT)).toBe(1);
    const ids = (r: typeof a) => r.data.mintCard.cards.map((card: { id: string }) => card.id);
    expect(ids(a)).toHaveLength(2);
    expect(ids(b)).toEqual(ids(a));
    expect(ids(c)).toEqual(ids(a));

    const changed = await mint(input({ clientMutationId: 'same', name: 'Another Badge' }));
    expect(changed.data.mintCard).toMatchObject({
      cards: [],
      userErrors: [{ code: 'INVALID_INPUT', field: ['input', 'clientMutationId'], message: 'This clientMutationId was already used for a different mint; use a new one' }],
    });
    const otherAdmin = await mint(input({ clientMutationId: 'same' }), { sub: 'ops-2', admin: true });
    expect(otherAdmin.data.mintCard.cards).toHaveLength(2);
    expect(stack.sandbox.stats.count(MINT)).toBe(2);
  });

  it('after a timed-out mint, refuses to mint again with the same clientMutationId (the cards may exist)', async () => {
    // Longer than the stack's 3 s upstream timeout: the gateway gives up, Klip's outcome is unknown.
    await stack.control('POST', '/_sandbox/faults', { provider: 'klip', method: 'POST', path: '/wallet/mint$', delayMs: 4_000, times: 1 });
    const first = await mint(input({ clientMutationId: 'slow' }));
    expect(first.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_TIMEOUT', provider: 'KLIP' });
    const retry = await mint(input({ clientMutationId: 'slow' }));
    expect(retry.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', provider: 'KLIP' });
    expect(retry.errors?.[0]?.message).toMatch(/may have minted; check partnerCards/);
    // The timed-out mint reached Klip and was never answered; the refused retry never reached it.
    expect(stack.sandbox.stats.count(MINT)).toBe(1);
    expect(stack.sandbox.stats.answeredCount(MINT)).toBe(0);
    // A new clientMutationId is a new, deliberate mint.
    expect((await mint(input({ clientMutationId: 'slow-2' }))).data.mintCard.cards).toHaveLength(2);
  });

  it('after a mint whose connection dropped once Klip had minted, refuses to mint again with the same clientMutationId', async () => {
    await stack.control('POST', '/_sandbox/faults', { provider: 'klip', method: 'POST', path: '/wallet/mint$', afterAction: true, drop: true, times: 1 });
    const first = await mint(input({ clientMutationId: 'dropped' }));
    expect(first.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', provider: 'KLIP' });
    const retry = await mint(input({ clientMutationId: 'dropped' }));
    expect(retry.errors?.[0]?.message).toMatch(/may have minted; check partnerCards/);
    expect(stack.sandbox.stats.count(MINT)).toBe(1);
  });

  it('maps a Klip outage to UPSTREAM_UNAVAILABLE with provider KLIP and never re-sends the mint', async () => {
    await stack.control('POST', '/_sandbox/faults', { provider: 'klip', method: 'POST', path: '/wallet/mint$', status: 503, times: 1 });
    const res = await mint(input({ clientMutationId: 'outage' }));
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', provider: 'KLIP' });
    expect(stack.sandbox.stats.count(MINT)).toBe(1);
    const retry = await mint(input({ clientMutationId: 'outage' }));
    expect(retry.data.mintCard.cards).toHaveLength(2);
    expect(stack.sandbox.stats.count(MINT)).toBe(2);
  });
});

describe('mintCard with a PIN Klip refuses', () => {
  let misconfigured: Stack;
  beforeAll(async () => {
    misconfigured = await startStack({ sandbox: stack.sandbox, env: { KLIP_CARD_PIN: '987654' } });
  });
  afterAll(() => misconfigured.stop());

  it('is an operator problem: UPSTREAM_UNAVAILABLE naming KLIP_CARD_PIN, never the PIN itself', async () => {
    const res = await misconfigured.gql(MintCardDocument, { input: input() }, ADMIN);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', provider: 'KLIP' });
    expect(res.errors?.[0]?.message).toMatch(/KLIP_CARD_PIN/);
    expect(JSON.stringify(res)).not.toContain('987654');
    expect(misconfigured.logs()).not.toContain('987654');
  });
});

describe('partnerMintQuota', () => {
  it("answers Klip's mint_limit and mint_count as a partner login reports them now, mints included, for admins only", async () => {
    const before = (await stack.gql(PartnerMintQuotaDocument, undefined, ADMIN)).data.partnerMintQuota;
    // The sandbox's partner may mint 100,000 cards; the seed's were not minted through the API.
    expect(before).toMatchObject({ limit: 100_000, minted: 0, remaining: 100_000 });
    expect(Math.abs(Date.parse(before.reportedAt) - Date.now())).toBeLessThan(10_000);
    expect(stack.sandbox.stats.count(LOGIN)).toBe(1);

    expect((await mint(input())).data.mintCard.userErrors).toEqual([]);
    const after = (await stack.gql(PartnerMintQuotaDocument, undefined, ADMIN)).data.partnerMintQuota;
    expect(after).toMatchObject({ limit: 100_000, minted: 2, remaining: 99_998 });
    expect(stack.sandbox.stats.count(LOGIN)).toBe(2);
    // The token that login brought replaced the one held: the next call works without another login.
    expect((await stack.gql(PartnerCardsDocument, { first: 1, after: null }, ADMIN)).errors).toBeUndefined();
    expect(stack.sandbox.stats.count(LOGIN)).toBe(2);

    const refused = await stack.gql(PartnerMintQuotaDocument, undefined, { sub: 'alice' });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(stack.sandbox.stats.count(LOGIN)).toBe(2);
  });

  it('asks once for many admins asking at once', async () => {
    // A slow login, so that every request arrives while it is under way.
    await stack.control('POST', '/_sandbox/faults', { provider: 'klip', path: '/partner/auth$', delayMs: 1_500, times: 1 });
    const answers = await Promise.all(Array.from({ length: 5 }, () => stack.gql(PartnerMintQuotaDocument, undefined, ADMIN)));
    for (const answer of answers) expect(answer.data.partnerMintQuota).toMatchObject({ limit: 100_000, minted: 0 });
    expect(stack.sandbox.stats.count(LOGIN)).toBe(1);
  });
});
