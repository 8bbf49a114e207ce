import { CardNodeDocument, PartnerCardsDocument } from '../generated/graphql';
import { toGlobalId } from '../../src/schema/global-id';
import { ADMIN, BAPP, CARD_INFO, LOGIN } from '../helpers/klip-cards';
import { startStack, type Stack } from '../helpers/stack';

const CONTRACT = '0xc0ffee0000000000000000000000000000000001';
const cardId = (n: number) => toGlobalId('Card', `${CONTRACT}:${n}`);

describe.each([
  ['SQLite, in-process locks', {}],
  ['Postgres, Redis locks', { postgres: true, redis: true }],
])('the Klip partner JWT (%s)', (_name, options) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack(options);
  });
  afterAll(() => stack.stop());

  it('logs in once for 20 concurrent first calls, and keeps the token encrypted', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => stack.gql(PartnerCardsDocument, { first: 5 }, ADMIN)));
    expect(results.map((r) => r.errors)).toEqual(Array(20).fill(undefined));
    expect(stack.sandbox.stats.count(LOGIN)).toBe(1);
    expect(stack.sandbox.stats.count(BAPP)).toBe(1);
    const rows = await stack.gateway.services.store.db.selectFrom('credentials').selectAll().where('provider', '=', 'klip').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.value).not.toMatch(/accessToken|eyJ/);
  });

  it('after Klip expires the token (sandbox clock +25 h): one 401, one re-login, one retry', async () => {
    await stack.control('DELETE', '/_sandbox/stats');
    await stack.control('POST', '/_sandbox/clock', { advanceSeconds: 25 * 3600 });
    const res = await stack.gql(CardNodeDocument, { id: cardId(7) }, ADMIN);
    expect(res.errors).toBeUndefined();
    expect(res.data.node).toMatchObject({ __typename: 'Card', cardId: '7' });
    expect(stack.sandbox.stats.count(LOGIN)).toBe(1);
    expect(stack.sandbox.stats.count(CARD_INFO)).toBe(2);
  });

  it('re-logs in once when many requests meet the expired token at the same time', async () => {
    await stack.control('DELETE', '/_sandbox/stats');
    await stack.control('POST', '/_sandbox/clock', { advanceSeconds: 25 * 3600 });
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => stack.gql(CardNodeDocument, { id: cardId(20 + i) }, ADMIN)));
    expect(results.map((r) => r.data?.node?.cardId)).toEqual(Array.from({ length: 10 }, (_, i) => String(20 + i)));
    expect(stack.sandbox.stats.count(LOGIN)).toBe(1);
    expect(stack.sandbox.stats.count(CARD_INFO)).toBe(20);
  });
});

describe('wrong partner credentials', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: { KLIP_PARTNER_PASSWORD: 'not-the-sandbox-password' } });
  });
  afterAll(() => stack.stop());

  it('answer UPSTREAM_UNAVAILABLE with provider KLIP, and neither the error nor the logs hold the password', async () => {
    const res = await stack.gql(PartnerCardsDocument, { first: 5 }, ADMIN);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', provider: 'KLIP' });
    expect(JSON.stringify(res)).not.toContain('not-the-sandbox-password');
    expect(stack.logs()).toContain('Klip refused the partner login');
    expect(stack.logs()).not.toContain('not-the-sandbox-password');
    const readyz = await fetch(`${stack.baseUrl}/readyz`);
    expect(readyz.status).toBe(503);
    const body = (await readyz.json()) as { checks: Record<string, string> };
    expect(body.checks['klip partner']).toMatch(/Klip refused/);
  });
});
