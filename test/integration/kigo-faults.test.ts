import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { productionEnv } from '../helpers/production';
import { startStack, type Stack } from '../helpers/stack';
import { freshUser, userWithTokens } from '../helpers/kigo';
import { ClaimTokenDocument, ShareTokenDocument, WalletTokensDocument } from '../generated/graphql';

/*
 * Kigo failing: 5xx, timeouts, dropped and refused connections surface as UPSTREAM_UNAVAILABLE /
 * UPSTREAM_TIMEOUT with provider KIGO, in production mode, without upstream bodies or stack traces.
 */

const MARKER = 'UPSTREAM-BODY-MARKER-7f3a';

const production = {
  ...productionEnv('not-used-by-these-tests'),
  UPSTREAM_TIMEOUT_MS: '300',
  UPSTREAM_RETRIES: '1',
  CLAIM_FAILURES_PER_WINDOW: '2',
};

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: production });
});
afterAll(() => stack.stop());
afterEach(() => stack.control('DELETE', '/_sandbox/faults'));

const fault = (rule: Record<string, unknown>) =>
  stack.control('POST', '/_sandbox/faults', { provider: 'kigo', body: { error: { code: 'internal', message: MARKER }, trace: `at ${MARKER}` }, ...rule });

function expectUpstreamError(res: { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }, code: string): void {
  expect(res.errors).toHaveLength(1);
  expect(res.errors![0]!.extensions).toMatchObject({ code, provider: 'KIGO' });
  expect(res.errors![0]!.extensions!.stacktrace).toBeUndefined();
  expect(JSON.stringify(res)).not.toContain(MARKER);
}

it('answers UPSTREAM_UNAVAILABLE for a 5xx, with neither the upstream body nor a stack trace', async () => {
  await fault({ method: 'GET', path: '/wallet/tokens$', status: 503 });
  const res = await stack.gql(WalletTokensDocument, {}, { sub: 'alice' });
  expectUpstreamError(res, 'UPSTREAM_UNAVAILABLE');
  expect(res.errors![0]!.message).toBe('Kigo is unavailable (HTTP 503)');
});

it('answers UPSTREAM_TIMEOUT when Kigo is too slow', async () => {
  await fault({ method: 'GET', path: '/wallet/tokens$', delayMs: 2_000 });
  expectUpstreamError(await stack.gql(WalletTokensDocument, {}, { sub: 'alice' }), 'UPSTREAM_TIMEOUT');
});

it('answers UPSTREAM_UNAVAILABLE when Kigo drops the connection', async () => {
  await fault({ method: 'GET', path: '/wallet/tokens$', drop: true });
  expectUpstreamError(await stack.gql(WalletTokensDocument, {}, { sub: 'alice' }), 'UPSTREAM_UNAVAILABLE');
});

it('answers UPSTREAM_UNAVAILABLE when Kigo fails while a new viewer signs in', async () => {
  await fault({ method: 'POST', path: '/auth/user$', status: 500 });
  expectUpstreamError(await stack.gql(WalletTokensDocument, {}, { sub: freshUser('unlucky') }), 'UPSTREAM_UNAVAILABLE');
});

it('fails a share as an error, not a userError, and a later share acts', async () => {
  const { user, tokenIds } = await userWithTokens(stack, 'prod-sharer', 1);
  await fault({ method: 'POST', path: '/share$', status: 502, times: 1 });
  expectUpstreamError(await stack.gql(ShareTokenDocument, { input: { tokenId: tokenIds[0] } }, { sub: user }), 'UPSTREAM_UNAVAILABLE');
  const retry = await stack.gql(ShareTokenDocument, { input: { tokenId: tokenIds[0] } }, { sub: user });
  expect(retry.data.shareToken).toMatchObject({ userErrors: [], claimCode: expect.any(String) });
});

it('does not count claims Kigo failed to answer against the viewer', async () => {
  const { user, tokenIds } = await userWithTokens(stack, 'prod-giver', 1);
  const { claimCode } = (await stack.gql(ShareTokenDocument, { input: { tokenId: tokenIds[0] } }, { sub: user })).data.shareToken;
  const recipient = freshUser('patient');
  await fault({ method: 'POST', path: '/claims/', delayMs: 2_000, times: 3 });
  for (let i = 0; i < 3; i++) expectUpstreamError(await stack.gql(ClaimTokenDocument, { input: { claimCode } }, { sub: recipient }), 'UPSTREAM_TIMEOUT');
  const claimed = await stack.gql(ClaimTokenDocument, { input: { claimCode } }, { sub: recipient });
  expect(claimed.data.claimToken).toMatchObject({ userErrors: [], token: { tokenId: tokenIds[0] } });
});

describe('with Kigo refusing connections', () => {
  let refused: Stack;
  beforeAll(async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    refused = await startStack({ env: { ...production, KIGO_BASE_URL: `http://127.0.0.1:${port}/kigo/api/v1` } });
  });
  afterAll(() => refused.stop());

  it('answers UPSTREAM_UNAVAILABLE and stays ready: an outage is not the instance’s to report (metrics and the breaker show it)', async () => {
    expectUpstreamError(await refused.gql(WalletTokensDocument, {}, { sub: 'alice' }), 'UPSTREAM_UNAVAILABLE');
    const ready = await fetch(`${refused.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as { checks: unknown }).checks).toMatchObject({ kigo: 'ok', store: 'ok' });
  });
});

describe('partner credentials Kigo refuses', () => {
  let refused: Stack;
  beforeAll(async () => {
    refused = await startStack({ env: { ...production, KIGO_API_KEY: 'not-the-sandbox-key' } });
  });
  afterAll(() => refused.stop());

  it('are reported by /readyz once Kigo refused them, without the key, and /readyz itself never calls Kigo', async () => {
    const before = await fetch(`${refused.baseUrl}/readyz`);
    expect(before.status).toBe(200);
    expect(refused.sandbox.stats.count('POST /kigo/api/v1/auth/partner')).toBe(0);
    expectUpstreamError(await refused.gql(WalletTokensDocument, {}, { sub: 'alice' }), 'UPSTREAM_UNAVAILABLE');
    const ready = await fetch(`${refused.baseUrl}/readyz`);
    expect(ready.status).toBe(503);
    const body = await ready.text();
    expect(JSON.parse(body).checks.kigo).toMatch(/Kigo refused the gateway's partner credentials/);
    expect(body).not.toContain('not-the-sandbox-key');
  });
});
