/**
 * The company token manager's ordering rules, with Xoxoday mocked (undici MockAgent, no network) and a
 * credential store that can fail: the rotated grant is in the store before its access token is sent,
 * a store error never loses it, and application errors are not mistaken for token problems.
 */
import { MockAgent } from 'undici';
import { UpstreamHttp } from '../../src/datasources/http';
import { CompanyTokenManager, type CompanyGrant } from '../../src/datasources/xoxoday/company-token';
import { XoxodayGrantError } from '../../src/datasources/xoxoday/grant-error';
import { XoxodayOAuthClient } from '../../src/datasources/xoxoday/oauth-client';
import { XoxodayRewardsClient } from '../../src/datasources/xoxoday/rewards-client';
import { xoxodayRejectionOf } from '../../src/datasources/xoxoday/xoxoday-rejections';
import { UpstreamRejection } from '../../src/datasources/rejection';
import { createScope } from '../../src/scope';
import { Provider } from '../../src/errors';
import { createLogger } from '../../src/observability/logger';
import { Metrics } from '../../src/observability/metrics';
import { InProcessLocks } from '../../src/pubsub/locks';
import type { StoredCredential } from '../../src/store';
import type { CredentialStore } from '../../src/store/credential-store';

const ORIGIN = 'http://xoxoday.test';
const scope = createScope({ viewer: null });
const DAY = 86_400_000;

/** A credential store in memory whose next `failPuts` writes throw. */
class FlakyCredentialStore {
  readonly values = new Map<string, StoredCredential<CompanyGrant>>();
  failPuts = 0;

  async get(provider: string, key: string) {
    return this.values.get(`${provider}:${key}`);
  }

  async put(provider: string, key: string, credential: StoredCredential<CompanyGrant>) {
    if (this.failPuts > 0) {
      this.failPuts -= 1;
      throw new Error('store unavailable');
    }
    this.values.set(`${provider}:${key}`, structuredClone(credential));
  }

  refreshToken(): string | undefined {
    return this.values.get(GRANT)?.value.refreshToken;
  }
}

function grant(access: string, refresh: string): StoredCredential<CompanyGrant> {
  return { value: { state: 'active', accessToken: access, refreshToken: refresh, accessExpiresAt: Date.now() + 10 * DAY, origin: 'authorize', email: 'a@b.c' }, expiresAt: Date.now() + 10 * DAY };
}

/** Where the grant of account `xoxoday:test` is kept. */
const GRANT = 'xoxoday:company@xoxoday:test';

let agent: MockAgent;
let store: FlakyCredentialStore;
let rewards: XoxodayRewardsClient;

/** The Rewards API client over a fresh token manager; `production` decides what a refused refresh token leads to. */
function rewardsClient(production: boolean): XoxodayRewardsClient {
  const http = new UpstreamHttp({ provider: Provider.XOXODAY, baseUrl: `${ORIGIN}/chef`, timeoutMs: 2_000, retries: 0, breaker: { failures: 100, halfOpenMs: 1_000 }, metrics: new Metrics(), dispatcher: agent, rejectionOf: xoxodayRejectionOf });
  const tokens = new CompanyTokenManager({
    oauth: new XoxodayOAuthClient(http, { clientId: 'c', clientSecret: 's', redirectUri: 'http://127.0.0.1/cb' }),
    account: 'xoxoday:test',
    store: store as unknown as CredentialStore,
    locks: new InProcessLocks(),
    logger: createLogger('silent'),
    production,
  });
  return new XoxodayRewardsClient(http, tokens);
}

beforeEach(() => {
  agent = new MockAgent();
  agent.disableNetConnect();
  store = new FlakyCredentialStore();
  store.values.set(GRANT, grant('A1', 'R1'));
  rewards = rewardsClient(false);
});

afterEach(async () => {
  await agent.close();
});

const pool = () => agent.get(ORIGIN);
const api = (access: string) => pool().intercept({ path: '/chef/v1/oauth/api', method: 'POST', headers: { authorization: `Bearer ${access}` } });
const balanceAnswer = { data: { getBalance: { status: 1, data: { value: 12.5, currency: 'USD' } } } };

function expiredA1ThenRotate(): void {
  api('A1').reply(401, { error: 'invalid_token', error_description: 'invalid/expired token' });
  pool().intercept({ path: '/chef/v1/oauth/token', method: 'GET' }).reply(400, { error: 'invalid_token' });
  pool()
    .intercept({ path: '/chef/v1/oauth/token/company', method: 'POST' })
    .reply(200, { access_token: 'A2', refresh_token: 'R2', token_type: 'bearer', expires_in: 2_592_000, email: 'a@b.c' })
    .times(1);
}

describe('CompanyTokenManager', () => {
  it('stores the rotated refresh token before the new access token reaches Xoxoday', async () => {
    expiredA1ThenRotate();
    let storedWhenUsed: string | undefined;
    api('A2').reply(() => {
      storedWhenUsed = store.refreshToken();
      return { statusCode: 200, data: balanceAnswer };
    });

    await expect(rewards.getBalance(scope)).resolves.toEqual({ value: 12.5, currency: 'USD' });
    expect(storedWhenUsed).toBe('R2');
    agent.assertNoPendingInterceptors();
  });

  it('retries a failing store write rather than lose the rotated token', async () => {
    expiredA1ThenRotate();
    api('A2').reply(200, balanceAnswer);
    store.failPuts = 2;

    await expect(rewards.getBalance(scope)).resolves.toEqual({ value: 12.5, currency: 'USD' });
    expect(store.refreshToken()).toBe('R2');
  });

  it('keeps a rotated token the store refused and saves it first on the next call, without refreshing again', async () => {
    expiredA1ThenRotate();
    store.failPuts = 3;
    await expect(rewards.getBalance(scope)).rejects.toThrow('store unavailable');
    expect(store.refreshToken()).toBe('R1');

    // The next call still holds A1 in memory, meets the 401 again, and saves R2 instead of refreshing R1
    // (the token endpoint answers only once: a second refresh would find no interceptor).
    api('A1').reply(401, { error: 'invalid_token' });
    api('A2').reply(200, balanceAnswer);
    await expect(rewards.getBalance(scope)).resolves.toEqual({ value: 12.5, currency: 'USD' });
    expect(store.refreshToken()).toBe('R2');
    agent.assertNoPendingInterceptors();
  });

  it('answers an application error without validating the token or retrying', async () => {
    api('A1').reply(404, { code: 404, errorId: 'PLE10018', errorInfo: 'Invalid denomination', error: 'denomination 7 is not available' });
    const failure = await rewards.placeOrder(scope, { productId: '10002', quantity: 1, denomination: 7, poNumber: 'rg-x' }).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(UpstreamRejection);
    expect(failure).toMatchObject({ kind: 'invalid-denomination', upstreamCode: 'PLE10018' });
    agent.assertNoPendingInterceptors();
  });

  it('does not retry when Xoxoday says the token is fine: the 4xx is passed on', async () => {
    api('A1').reply(403, { message: 'forbidden' });
    pool().intercept({ path: '/chef/v1/oauth/token', method: 'GET' }).reply(200, { access_token: 'A1', token_type: 'bearer', expires_in: 100 });
    await expect(rewards.getBalance(scope)).rejects.toMatchObject({ status: 403 });
    agent.assertNoPendingInterceptors();
  });

  it('stores a revoked grant as dead and answers with the operator message', async () => {
    api('A1').reply(401, { success: 0, error_message_id: 'auth.token_error' });
    pool().intercept({ path: '/chef/v1/oauth/token', method: 'GET' }).reply(401, { success: 0, error_message_id: 'auth.token_error' });
    pool().intercept({ path: '/chef/v1/oauth/token/company', method: 'POST' }).reply(400, { success: 0, error_message_id: 'auth.token_error' });

    const failure = await rewards.getBalance(scope).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(XoxodayGrantError);
    expect((failure as XoxodayGrantError).extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', provider: 'XOXODAY' });
    expect(store.values.get(GRANT)!.value.state).toBe('revoked');
    // Dead stays dead in this process: no further call reaches Xoxoday (none is intercepted).
    await expect(rewards.getBalance(scope)).rejects.toBeInstanceOf(XoxodayGrantError);
  });

  it('takes the grant another instance rotated instead of declaring its own refresh token dead', async () => {
    api('A1').reply(401, { error: 'invalid_token' });
    pool().intercept({ path: '/chef/v1/oauth/token', method: 'GET' }).reply(400, { error: 'invalid_token' });
    pool()
      .intercept({ path: '/chef/v1/oauth/token/company', method: 'POST' })
      .reply(() => {
        // A peer without the shared lock refreshed R1 first and stored its answer.
        store.values.set(GRANT, grant('A9', 'R9'));
        return { statusCode: 400, data: { error: 'invalid_grant', error_description: 'invalid/expired refresh token' } };
      });
    api('A9').reply(200, balanceAnswer);

    await expect(rewards.getBalance(scope)).resolves.toEqual({ value: 12.5, currency: 'USD' });
    expect(store.refreshToken()).toBe('R9');
  });

  it('in production, declares the grant dead when Xoxoday refuses the refresh token and no one else rotated it', async () => {
    rewards = rewardsClient(true);
    api('A1').reply(401, { error: 'invalid_token' });
    pool().intercept({ path: '/chef/v1/oauth/token', method: 'GET' }).reply(400, { error: 'invalid_token' });
    pool().intercept({ path: '/chef/v1/oauth/token/company', method: 'POST' }).reply(400, { error: 'invalid_grant' });

    const failure = await rewards.getBalance(scope).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(XoxodayGrantError);
    expect((failure as XoxodayGrantError).message).toMatch(/no longer accepts.*XOXODAY_REFRESH_TOKEN/s);
    expect(store.values.get(GRANT)!.value.state).toBe('invalid');
  });

  it('outside production, authorizes again when Xoxoday no longer knows the refresh token', async () => {
    api('A1').reply(401, { error: 'invalid_token' });
    pool().intercept({ path: '/chef/v1/oauth/token', method: 'GET' }).reply(400, { error: 'invalid_token' });
    pool().intercept({ path: '/chef/v1/oauth/token/company', method: 'POST' }).reply(400, { error: 'invalid_grant' });
    pool()
      .intercept({ path: (p) => p.startsWith('/chef/v1/oauth/authorize'), method: 'GET' })
      .reply((opts) => {
        const state = new URL(opts.path, ORIGIN).searchParams.get('state');
        return { statusCode: 302, data: '', responseOptions: { headers: { location: `http://127.0.0.1/cb?code=C1&state=${state}` } } };
      });
    pool().intercept({ path: '/chef/v1/oauth/token/company', method: 'POST' }).reply(200, { access_token: 'A2', token_type: 'bearer', expires_in: 2_592_000, refresh_token: 'R2' });
    api('A2').reply(200, balanceAnswer);

    await expect(rewards.getBalance(scope)).resolves.toEqual({ value: 12.5, currency: 'USD' });
    expect(store.values.get(GRANT)!.value).toMatchObject({ state: 'active', refreshToken: 'R2', origin: 'authorize' });
  });

  it('takes the grant kept before accounts were recorded as this account’s', async () => {
    store.values.delete(GRANT);
    store.values.set('xoxoday:company', grant('A7', 'R7'));
    api('A7').reply(200, balanceAnswer);
    await expect(rewards.getBalance(scope)).resolves.toEqual({ value: 12.5, currency: 'USD' });
    expect(store.refreshToken()).toBe('R7');
  });
});
