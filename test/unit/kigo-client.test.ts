import 'reflect-metadata';
import { MockAgent } from 'undici';
import { UpstreamHttp } from '../../src/datasources/http';
import { KigoClient, KigoRejection, isKigoAuthFailure } from '../../src/datasources/kigo/kigo-client';
import { Provider } from '../../src/errors';
import { Metrics } from '../../src/observability/metrics';

/* How KigoClient reads Kigo's answers: expected rejections, auth failures, anything else. */

const ORIGIN = 'https://kigo.test';
let agent: MockAgent;
let client: KigoClient;

beforeEach(() => {
  agent = new MockAgent();
  agent.disableNetConnect();
  const http = new UpstreamHttp({ provider: Provider.KIGO, baseUrl: `${ORIGIN}/v1`, timeoutMs: 1_000, retries: 0, breaker: { failures: 100, halfOpenMs: 1_000 }, metrics: new Metrics(), dispatcher: agent });
  client = new KigoClient(http, { apiKey: 'key', partnerId: 'partner' });
});
afterEach(() => agent.close());

const reply = (method: string, path: string, status: number, body: unknown) => agent.get(ORIGIN).intercept({ method, path }).reply(status, body as object);
const error = (code: string, message = 'upstream says SECRETCODE123') => ({ error: { code, message } });

it.each([
  ['token_already_shared', 409],
  ['token_not_shareable', 409],
  ['token_not_found', 404],
] as const)('turns %s (HTTP %i) into a KigoRejection', async (code, status) => {
  reply('POST', '/v1/wallet/tokens/tok_1/share', status, error(code));
  await expect(client.shareToken('kua_1', 'tok_1')).rejects.toEqual(new KigoRejection(code));
});

it('sends the claim code URL-encoded and maps claim_code_invalid without repeating the upstream message', async () => {
  reply('POST', '/v1/claims/AB%20CD', 404, error('claim_code_invalid'));
  const err = await client.claim('kua_1', 'AB CD').catch((e: unknown) => e);
  expect(err).toBeInstanceOf(KigoRejection);
  expect((err as Error).message).not.toContain('SECRETCODE123');
});

it('leaves a 401 for the session layer, and an unknown 4xx code as an upstream failure without the body', async () => {
  reply('GET', '/v1/wallet/tokens/tok_1', 401, error('token_expired'));
  const expired = await client.getToken('kua_1', 'tok_1').catch((e: unknown) => e);
  expect(isKigoAuthFailure(expired)).toBe(true);

  reply('GET', '/v1/wallet/tokens/tok_1', 404, error('something_new'));
  const unknown = await client.getToken('kua_1', 'tok_1').catch((e: unknown) => e);
  expect(unknown).not.toBeInstanceOf(KigoRejection);
  expect(unknown).toMatchObject({ extensions: { code: 'UPSTREAM_UNAVAILABLE', provider: 'KIGO' } });
  expect(JSON.stringify((unknown as { extensions: unknown }).extensions)).not.toContain('SECRETCODE123');
});

it('rejects an answer of an unexpected shape with an upstream error naming the route only', async () => {
  reply('POST', '/v1/wallet/tokens/tok_1/share', 200, { claim_code: 'SECRETCODE123', token: { token_id: 'tok_1' } });
  const err = (await client.shareToken('kua_1', 'tok_1').catch((e: unknown) => e)) as Error & { extensions: Record<string, unknown> };
  expect(err.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', provider: 'KIGO' });
  expect(err.message).toBe('Kigo answered POST /wallet/tokens/:tokenId/share in an unexpected shape');
});

it('asks for a filtered page with offset and limit', async () => {
  agent
    .get(ORIGIN)
    .intercept({ method: 'GET', path: '/v1/wallet/tokens', query: { offset: '20', limit: '10', status: 'share_pending' }, headers: { authorization: 'Bearer kua_1' } })
    .reply(200, { data: [], total: 0, offset: 20, limit: 10 });
  expect(await client.listTokens('kua_1', { offset: 20, limit: 10, status: 'share_pending' })).toEqual({ data: [], total: 0, offset: 20, limit: 10 });
});
