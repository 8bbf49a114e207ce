import 'reflect-metadata';
import { MockAgent } from 'undici';
import { UpstreamHttp } from '../../src/datasources/http';
import { KigoClient } from '../../src/datasources/kigo/kigo-client';
import { kigoRejectionOf } from '../../src/datasources/kigo/kigo-rejections';
import { isKigoAuthFailure, type KigoSessions } from '../../src/datasources/kigo/kigo-sessions';
import { UpstreamRejection } from '../../src/datasources/rejection';
import { Provider } from '../../src/errors';
import { Metrics } from '../../src/observability/metrics';
import { createScope } from '../../src/scope';

/* How Kigo's answers are read: expected rejections by kind, auth failures, anything else. */

const ORIGIN = 'https://kigo.test';
/** One operation per test (the status filter's local reads are kept per operation). */
let scope = createScope({ viewer: null });
let agent: MockAgent;
let client: KigoClient;

beforeEach(() => {
  scope = createScope({ viewer: null });
  agent = new MockAgent();
  agent.disableNetConnect();
  const http = new UpstreamHttp({
    provider: Provider.KIGO,
    baseUrl: `${ORIGIN}/v1`,
    timeoutMs: 1_000,
    retries: 0,
    breaker: { failures: 100, halfOpenMs: 1_000 },
    metrics: new Metrics(),
    dispatcher: agent,
    rejectionOf: kigoRejectionOf,
  });
  // Sessions are KigoSessions' job (its own tests): here every call runs with the access token kua_1.
  const sessions = { asUser: (_sub: string, call: (access: string) => Promise<unknown>) => call('kua_1') } as unknown as KigoSessions;
  client = new KigoClient(http, sessions);
});
afterEach(() => agent.close());

const reply = (method: string, path: string, status: number, body: unknown) => agent.get(ORIGIN).intercept({ method, path }).reply(status, body as object);
const error = (code: string, message = 'upstream says SECRETCODE123') => ({ error: { code, message } });

it.each([
  ['token_already_shared', 409, 'token-already-shared'],
  ['token_not_shareable', 409, 'token-not-shareable'],
  ['token_not_found', 404, 'token-not-found'],
] as const)('names %s (HTTP %i) as the rejection %s', async (code, status, kind) => {
  reply('POST', '/v1/wallet/tokens/tok_1/share', status, error(code));
  const err = await client.shareToken(scope, 'alice', 'tok_1').catch((e: unknown) => e);
  expect(err).toBeInstanceOf(UpstreamRejection);
  expect(err).toMatchObject({ kind, upstreamCode: code, status });
});

it('sends the claim code URL-encoded and names claim_code_invalid without repeating the upstream message', async () => {
  reply('POST', '/v1/claims/AB%20CD', 404, error('claim_code_invalid'));
  const err = await client.claim(scope, 'alice', 'AB CD').catch((e: unknown) => e);
  expect(err).toMatchObject({ kind: 'claim-code-invalid' });
  expect((err as Error).message).not.toContain('SECRETCODE123');
});

it('leaves a 401 for the session layer, and an unknown 4xx code as an upstream failure without the body', async () => {
  reply('GET', '/v1/wallet/tokens/tok_1', 401, error('token_expired'));
  const expired = await client.getToken(scope, 'alice', 'tok_1').catch((e: unknown) => e);
  expect(isKigoAuthFailure(expired)).toBe(true);

  reply('GET', '/v1/wallet/tokens?offset=0&limit=10', 403, error('something_new'));
  const unknown = await client.listTokens(scope, 'alice', { offset: 0, limit: 10 }).catch((e: unknown) => e);
  expect(unknown).toMatchObject({ kind: 'unrecognized', upstreamCode: 'something_new' });
  expect(unknown).toMatchObject({ extensions: { code: 'UPSTREAM_UNAVAILABLE', provider: 'KIGO' } });
  expect(JSON.stringify((unknown as { extensions: unknown }).extensions)).not.toContain('SECRETCODE123');
});

it('rejects an answer of an unexpected shape with an upstream error naming the route only', async () => {
  reply('POST', '/v1/wallet/tokens/tok_1/share', 200, { claim_code: 'SECRETCODE123', token: { token_id: 'tok_1' } });
  const err = (await client.shareToken(scope, 'alice', 'tok_1').catch((e: unknown) => e)) as Error & { extensions: Record<string, unknown> };
  expect(err.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', provider: 'KIGO' });
  expect(err.message).toBe('Kigo answered POST /wallet/tokens/:tokenId/share in an unexpected shape');
});

it('asks for a filtered page with offset and limit', async () => {
  agent
    .get(ORIGIN)
    .intercept({ method: 'GET', path: '/v1/wallet/tokens', query: { offset: '20', limit: '10', status: 'share_pending' }, headers: { authorization: 'Bearer kua_1' } })
    .reply(200, { data: [], total: 0, offset: 20, limit: 10 });
  expect(await client.listTokens(scope, 'alice', { offset: 20, limit: 10, status: 'share_pending' })).toEqual({ data: [], total: 0, offset: 20, limit: 10 });
});

const wireToken = (status: string) => ({
  token_id: 'tok_1',
  name: 'Coffee',
  type: 'offer',
  status,
  flags: { is_shareable: true, is_revealable: false },
});

describe('a rejection whose code Kigo does not share with us [model] is named by its route', () => {
  it.each([
    ['404 with a code we never saw', 404, error('gone_away')],
    ['400 with no code', 400, { message: 'no' }],
    ['400 with no body', 400, ''],
    ['403 (someone else’s token)', 403, error('forbidden')],
  ])('one token: %s is token-not-found', async (_, status, body) => {
    reply('GET', '/v1/wallet/tokens/tok_1', status, body);
    await expect(client.getToken(scope, 'alice', 'tok_1')).rejects.toMatchObject({ kind: 'token-not-found', status });
  });

  it.each([
    ['GET', 404, error('nope')],
    ['POST', 400, { error: { message: 'no code' } }],
  ])('a claim code (%s, HTTP %i) is claim-code-invalid', async (method, status, body) => {
    reply(method, '/v1/claims/CODE-1', status, body);
    const call = method === 'GET' ? client.previewClaim(scope, 'bob', 'CODE-1') : client.claim(scope, 'bob', 'CODE-1');
    await expect(call).rejects.toMatchObject({ kind: 'claim-code-invalid' });
  });

  it('a 409 on a claim is the claimer’s own token, on a cancel no share pending', async () => {
    reply('POST', '/v1/claims/CODE-1', 409, error('conflict'));
    await expect(client.claim(scope, 'alice', 'CODE-1')).rejects.toMatchObject({ kind: 'cannot-claim-own-token', upstreamCode: 'conflict' });
    reply('DELETE', '/v1/wallet/tokens/tok_1/share', 409, error('conflict'));
    await expect(client.cancelShare(scope, 'alice', 'tok_1')).rejects.toMatchObject({ kind: 'share-not-pending' });
  });

  it.each([
    ['share_pending', 'token-already-shared'],
    ['active', 'token-not-shareable'],
  ])('a 409 on a share reads the token once: %s means %s', async (status, kind) => {
    reply('POST', '/v1/wallet/tokens/tok_1/share', 409, error('not_permitted'));
    reply('GET', '/v1/wallet/tokens/tok_1', 200, wireToken(status));
    await expect(client.shareToken(scope, 'alice', 'tok_1')).rejects.toMatchObject({ kind, status: 409, upstreamCode: 'not_permitted' });
    // Both interceptors were used once, and nothing else was called (disableNetConnect would throw).
    agent.assertNoPendingInterceptors();
  });
});

describe('the status filter, our [model] extension, checked on the answer', () => {
  const token = (id: number, status: string) => ({ ...wireToken(status), token_id: `tok_${id}` });
  // A wallet of 7 tokens; 2, 4 and 6 are share_pending.
  const wallet = Array.from({ length: 7 }, (_, i) => token(i + 1, [2, 4, 6].includes(i + 1) ? 'share_pending' : 'active'));
  const list = (query: Record<string, string>, body: object) =>
    agent.get(ORIGIN).intercept({ method: 'GET', path: '/v1/wallet/tokens', query, headers: { authorization: 'Bearer kua_1' } }).reply(200, body);

  it('takes a filtered answer whose tokens all match, in one call', async () => {
    const pending = wallet.filter((t) => t.status === 'share_pending');
    list({ offset: '1', limit: '1', status: 'share_pending' }, { data: pending.slice(1, 2), total: 3, offset: 1, limit: 1 });
    const page = await client.listTokens(scope, 'alice', { offset: 1, limit: 1, status: 'share_pending' });
    expect(page).toMatchObject({ total: 3, data: [{ token_id: 'tok_4' }] });
    agent.assertNoPendingInterceptors();
  });

  it('filters locally once an answer shows the filter ignored: the window asked for and an exact total', async () => {
    list({ offset: '1', limit: '1', status: 'share_pending' }, { data: [wallet[2]!], total: 7, offset: 1, limit: 1 });
    list({ offset: '0', limit: '100' }, { data: wallet, total: 7, offset: 0, limit: 100 });
    const page = await client.listTokens(scope, 'alice', { offset: 1, limit: 1, status: 'share_pending' });
    expect(page).toEqual({ data: [expect.objectContaining({ token_id: 'tok_4' })], total: 3, offset: 1, limit: 1 });
    agent.assertNoPendingInterceptors();

    // Known now: the next operation's filtered list reads the wallet unfiltered at once (one call, no filtered one).
    list({ offset: '0', limit: '100' }, { data: wallet, total: 7, offset: 0, limit: 100 });
    const active = await client.listTokens(createScope({ viewer: null }), 'alice', { offset: 0, limit: 10, status: 'active' });
    expect(active.data.map((t) => t.token_id)).toEqual(['tok_1', 'tok_3', 'tok_5', 'tok_7']);
    expect(active.total).toBe(4);
    agent.assertNoPendingInterceptors();
  });

  it('reads the wallet once per operation, however many filtered pages it asks for', async () => {
    list({ offset: '0', limit: '2', status: 'share_pending' }, { data: wallet.slice(0, 2), total: 7, offset: 0, limit: 2 });
    list({ offset: '0', limit: '100' }, { data: wallet, total: 7, offset: 0, limit: 100 });
    const first = await client.listTokens(scope, 'alice', { offset: 0, limit: 2, status: 'share_pending' });
    // A second page (as `last` or `viewer.assets` ask) and another status, in the same operation: no call.
    const second = await client.listTokens(scope, 'alice', { offset: 2, limit: 2, status: 'share_pending' });
    const active = await client.listTokens(scope, 'alice', { offset: 0, limit: 10, status: 'active' });
    expect(first).toEqual({ data: [expect.objectContaining({ token_id: 'tok_2' }), expect.objectContaining({ token_id: 'tok_4' })], total: 3, offset: 0, limit: 2 });
    expect(second).toEqual({ data: [expect.objectContaining({ token_id: 'tok_6' })], total: 3, offset: 2, limit: 2 });
    expect(active.data.map((t) => t.token_id)).toEqual(['tok_1', 'tok_3', 'tok_5', 'tok_7']);
    agent.assertNoPendingInterceptors();
  });

  it('reads page after page of a larger wallet, and refuses past its bound rather than count wrong', async () => {
    const big = Array.from({ length: 250 }, (_, i) => token(i + 1, i % 5 === 0 ? 'redeemed' : 'active'));
    list({ offset: '48', limit: '5', status: 'redeemed' }, { data: big.slice(48, 53), total: 250, offset: 48, limit: 5 });
    for (const offset of [0, 100, 200]) list({ offset: String(offset), limit: '100' }, { data: big.slice(offset, offset + 100), total: 250, offset, limit: 100 });
    const page = await client.listTokens(scope, 'alice', { offset: 48, limit: 5, status: 'redeemed' });
    expect(page.total).toBe(50);
    expect(page.data.map((t) => t.token_id)).toEqual(['tok_241', 'tok_246']);
    agent.assertNoPendingInterceptors();

    const huge = { data: big.slice(0, 100), total: 5_000, offset: 0, limit: 100 };
    for (let offset = 0; offset < 1_000; offset += 100) list({ offset: String(offset), limit: '100' }, { ...huge, offset });
    await expect(client.listTokens(createScope({ viewer: null }), 'alice', { offset: 0, limit: 5, status: 'redeemed' })).rejects.toMatchObject({
      extensions: { code: 'UPSTREAM_UNAVAILABLE', provider: 'KIGO' },
      message: expect.stringContaining('more than 1000 tokens'),
    });
  });
});
