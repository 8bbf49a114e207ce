/**
 * Every upstream answer is checked against its wire schema before use: a malformed or oversized 2xx
 * answer is UPSTREAM_UNAVAILABLE with `reason: BAD_RESPONSE` and `provider`, never an internal error,
 * never a row with a NULL or unbounded key, and logged by its paths without the body.
 */
import { startStack, type Stack } from '../helpers/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());
afterEach(() => stack.control('DELETE', '/_sandbox/faults'));

const PREPARE = 'mutation { prepareApp2App(input: {type: AUTH}) { request { requestKey status } userErrors { code } } }';
const LONG_KEY = 'K'.repeat(50_000);
const IN_AN_HOUR = Math.floor(Date.now() / 1000) + 3600;

const answerWith = (provider: string, path: string, body: unknown, extra: Record<string, unknown> = {}) =>
  stack.control('POST', '/_sandbox/faults', { provider, path, status: 200, body, times: 1, ...extra });

const app2appRows = async () => (await stack.gateway.services.store.db.selectFrom('app2app_requests').select('request_key').execute()).length;

function expectBadResponse(res: { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }, provider: string) {
  expect(res.errors).toHaveLength(1);
  expect(res.errors![0]!.extensions).toEqual({ code: 'UPSTREAM_UNAVAILABLE', provider, reason: 'BAD_RESPONSE' });
  expect(res.errors![0]!.message).toMatch(/unexpected shape|not JSON/);
}

describe('Klip App2App prepare answers', () => {
  it.each([
    ['a request_key that is a number', { request_key: 12345, status: 'prepared', expiration_time: IN_AN_HOUR }],
    ['no request_key', { status: 'prepared', expiration_time: IN_AN_HOUR }],
    ['a 50,000-character request_key', { request_key: LONG_KEY, status: 'prepared', expiration_time: IN_AN_HOUR }],
    ['an expiration_time no date can hold', { request_key: 'f0e1d2c3-0000-4000-8000-000000000001', status: 'prepared', expiration_time: 1e20 }],
  ])('%s is BAD_RESPONSE from KLIP, and nothing is stored', async (_what, body) => {
    const before = await app2appRows();
    await answerWith('klip', '/a2a/prepare$', body);
    const res = await stack.gql(PREPARE, undefined, { sub: 'alice' });
    expectBadResponse(res, 'KLIP');
    expect(await app2appRows()).toBe(before);
  });

  it('logs which field did not fit, without the body', () => {
    const logs = stack.logs();
    expect(logs).toContain('upstream answer does not fit its wire schema');
    expect(logs).toMatch(/"route":"POST \/a2a\/prepare".*"problems":\["request_key: invalid_type"\]/);
    expect(logs).not.toContain('KKKKKKKKKKKKKKKK');
  });

  it('a result whose address is not one never becomes a viewer’s link', async () => {
    const prepared = await stack.gql(PREPARE, undefined, { sub: 'mallory' });
    const key = prepared.data.prepareApp2App.request.requestKey as string;
    await answerWith('klip', '/a2a/result$', { request_key: key, status: 'completed', expiration_time: IN_AN_HOUR, result: { klaytn_address: 'x'.repeat(5_000) } });
    const res = await stack.gql('query ($k: String!) { app2appRequest(requestKey: $k) { status } }', { k: key }, { sub: 'mallory' });
    expectBadResponse(res, 'KLIP');
    expect((await stack.gql('{ viewer { klaytnAddress } }', undefined, { sub: 'mallory' })).data.viewer.klaytnAddress).toBeNull();
  });
});

describe('Kigo and Xoxoday answers', () => {
  it('a share whose claim code is 50,000 characters is BAD_RESPONSE from KIGO, and the code is never shown or logged', async () => {
    await answerWith('kigo', '/share$', { claim_code: LONG_KEY, token: { token_id: 'tok_alice_05' } });
    const res = await stack.gql('mutation { shareToken(input: {tokenId: "tok_alice_05"}) { claimCode } }', undefined, { sub: 'alice' });
    expectBadResponse(res, 'KIGO');
    expect(JSON.stringify(res)).not.toContain('KKKKKKKK');
  });

  it('an order whose orderId could not be a key is BAD_RESPONSE from XOXODAY, and no order is stored', async () => {
    const order = { orderId: 'o'.repeat(500), poNumber: 'rg-x', vouchers: [], orderTotal: 5, orderStatus: 'complete', deliveryStatus: 'delivered' };
    await answerWith('xoxoday', 'oauth/api$', { data: { placeOrder: { status: 1, data: order } } }, { bodyIncludes: 'plumProAPI.mutation.placeOrder' });
    const res = await stack.gql('mutation { placeVoucherOrder(input: {voucherId: "10002", denomination: "5", idempotencyKey: "bad-answer"}) { order { orderId } } }', undefined, { sub: 'alice' });
    expectBadResponse(res, 'XOXODAY');
    expect(await stack.gateway.services.store.db.selectFrom('voucher_orders').selectAll().execute()).toEqual([]);
  });

  it('a 2xx body that is not JSON is BAD_RESPONSE too', async () => {
    await stack.control('POST', '/_sandbox/faults', { provider: 'kigo', path: '/wallet/tokens$', status: 200, rawBody: '<html>maintenance</html>', times: 1 });
    const res = await stack.gql('{ viewer { tokens(first: 1) { totalCount } } }', undefined, { sub: 'alice' });
    expectBadResponse(res, 'KIGO');
  });
});

describe('the store', () => {
  it('refuses a NULL or overlong key itself, whatever the code above it does', async () => {
    const { db } = stack.gateway.services.store;
    // By message, not `toThrow`: SQLite's errors come from a native module loaded once per jest worker,
    // so in a file run after another they are not instances of this file's Error.
    const refusal = (pattern: RegExp) => ({ message: expect.stringMatching(pattern) });
    const row = { owner_id: 'alice', type: 'AUTH', status: 'PREPARED', expires_at: new Date().toISOString(), result: null, error: null, created_at: 'now', updated_at: 'now' };
    await expect(db.insertInto('app2app_requests').values({ ...row, request_key: null as unknown as string }).execute()).rejects.toMatchObject(refusal(/NOT NULL|null value/i));
    await expect(db.insertInto('app2app_requests').values({ ...row, request_key: LONG_KEY }).execute()).rejects.toMatchObject(refusal(/CHECK|check constraint/i));
    await expect(db.insertInto('viewer_links').values({ viewer_id: 'alice', klaytn_address: 'x'.repeat(100), request_key: 'k', linked_at: 'now' }).execute()).rejects.toMatchObject(refusal(/CHECK|check constraint/i));
  });
});
