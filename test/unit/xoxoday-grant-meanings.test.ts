/**
 * What the token endpoint's answers mean for the company grant, with Xoxoday mocked (undici MockAgent,
 * no network): only `invalid_grant` and `auth.token_error` end a grant; everything else is backed off
 * and retried with the grant kept. And the renewal that keeps an idle grant alive: due a set time after
 * the grant was obtained, done once by instances sharing the store and the lock.
 */
import { MockAgent } from 'undici';
import { UpstreamHttp } from '../../src/datasources/http';
import { CompanyTokenManager, type CompanyGrant } from '../../src/datasources/xoxoday/company-token';
import { GrantRenewal } from '../../src/datasources/xoxoday/grant-renewal';
import { XoxodayGrantError } from '../../src/datasources/xoxoday/grant-error';
import { XoxodayOAuthClient } from '../../src/datasources/xoxoday/oauth-client';
import { XoxodayRewardsClient } from '../../src/datasources/xoxoday/rewards-client';
import { xoxodayRejectionOf } from '../../src/datasources/xoxoday/xoxoday-rejections';
import { createScope } from '../../src/scope';
import { Provider } from '../../src/errors';
import { createLogger } from '../../src/observability/logger';
import { Metrics } from '../../src/observability/metrics';
import { InProcessLocks } from '../../src/pubsub/locks';
import type { StoredCredential } from '../../src/store';
import type { CredentialStore } from '../../src/store/credential-store';

const ORIGIN = 'http://xoxoday.test';
const TOKEN_PATH = '/chef/v1/oauth/token/company';
const GRANT = 'xoxoday:company@xoxoday:test';
const DAY = 86_400_000;
const scope = createScope({ viewer: null });
const balanceAnswer = { data: { getBalance: { status: 1, data: { value: 12.5, currency: 'USD' } } } };
const rotated = (n: number) => ({ access_token: `A${n}`, refresh_token: `R${n}`, token_type: 'bearer', expires_in: 2_592_000 });

class MemoryCredentialStore {
  readonly values = new Map<string, StoredCredential<CompanyGrant>>();
  async get(provider: string, key: string) {
    return structuredClone(this.values.get(`${provider}:${key}`));
  }
  async put(provider: string, key: string, credential: StoredCredential<CompanyGrant>) {
    this.values.set(`${provider}:${key}`, structuredClone(credential));
  }
  grant(): StoredCredential<CompanyGrant> {
    return this.values.get(GRANT)!;
  }
}

let agent: MockAgent;
let store: MemoryCredentialStore;
let locks: InProcessLocks;
let clock: number;
let tokenCalls: number;

function manager(production = true, bootstrapRefreshToken?: string): { tokens: CompanyTokenManager; rewards: XoxodayRewardsClient } {
  const http = new UpstreamHttp({ provider: Provider.XOXODAY, baseUrl: `${ORIGIN}/chef`, timeoutMs: 2_000, retries: 0, breaker: { failures: 100, halfOpenMs: 1_000 }, metrics: new Metrics(), dispatcher: agent, rejectionOf: xoxodayRejectionOf });
  const tokens = new CompanyTokenManager({
    oauth: new XoxodayOAuthClient(http, { clientId: 'c', clientSecret: 's', redirectUri: 'http://127.0.0.1/cb' }),
    account: 'xoxoday:test',
    store: store as unknown as CredentialStore,
    locks,
    logger: createLogger('silent'),
    production,
    renewEveryMs: 7 * DAY,
    now: () => clock,
    bootstrapRefreshToken,
  });
  return { tokens, rewards: new XoxodayRewardsClient(http, tokens) };
}

const pool = () => agent.get(ORIGIN);
/** The token endpoint answers `status`/`body` once (counted). */
function tokenAnswers(status: number, body: object, headers: Record<string, string> = {}): void {
  pool()
    .intercept({ path: TOKEN_PATH, method: 'POST' })
    .reply(() => {
      tokenCalls += 1;
      return { statusCode: status, data: body, responseOptions: { headers } };
    });
}
/** A stored grant whose access token has expired, so the next use refreshes R1. */
function expiredGrant(): void {
  store.values.set(GRANT, { value: { state: 'active', accessToken: 'A1', refreshToken: 'R1', accessExpiresAt: clock - 1, origin: 'authorize', email: 'a@b.c' }, expiresAt: clock - 1 });
}

beforeEach(() => {
  agent = new MockAgent();
  agent.disableNetConnect();
  store = new MemoryCredentialStore();
  locks = new InProcessLocks();
  clock = Date.now();
  tokenCalls = 0;
});
afterEach(() => agent.close());

describe('the token endpoint, read by meaning', () => {
  it.each([
    ['invalid_grant with 400', 400, { error: 'invalid_grant', error_description: 'invalid/expired refresh token' }, 'invalid'],
    ['invalid_grant with 401', 401, { error: 'invalid_grant' }, 'invalid'],
    ['auth.token_error (revoked by an admin)', 400, { success: 0, error_message_id: 'auth.token_error' }, 'revoked'],
  ])('ends the grant on %s', async (_name, status, body, state) => {
    const { rewards } = manager();
    expiredGrant();
    tokenAnswers(status, body);
    await expect(rewards.getBalance(scope)).rejects.toBeInstanceOf(XoxodayGrantError);
    expect(store.grant().value.state).toBe(state);
    // Not retried: a dead grant is not asked about twice.
    expect(tokenCalls).toBe(1);
  });

  it.each([
    ['400 invalid_client (our client credentials, not the grant)', 400, { error: 'invalid_client' }],
    ['400 invalid_request', 400, { error: 'invalid_request', error_description: 'missing refresh_token' }],
    ['401 without a body we know', 401, { message: 'Unauthorized' }],
    ['400 auth.request_limit_exceeded', 400, { message: 'auth.request_limit_exceeded' }],
    ['429 auth.request_limit_exceeded', 429, { message: 'auth.request_limit_exceeded' }],
    ['500', 500, { message: 'internal error' }],
    ['503', 503, {}],
  ])('keeps the grant on %s: backs off, retries and rotates', async (_name, status, body) => {
    const { rewards } = manager();
    expiredGrant();
    tokenAnswers(status, body);
    tokenAnswers(status, body);
    tokenAnswers(200, rotated(2));
    pool().intercept({ path: '/chef/v1/oauth/api', method: 'POST', headers: { authorization: 'Bearer A2' } }).reply(200, balanceAnswer);
    const started = Date.now();
    await expect(rewards.getBalance(scope)).resolves.toEqual({ value: 12.5, currency: 'USD' });
    expect(tokenCalls).toBe(3);
    // Two pauses, growing: 300 ms then 600 ms.
    expect(Date.now() - started).toBeGreaterThanOrEqual(850);
    expect(store.grant().value).toMatchObject({ state: 'active', refreshToken: 'R2' });
    agent.assertNoPendingInterceptors();
  });

  it('gives up after its retries with the grant kept, and the next use tries the same refresh token again', async () => {
    const { rewards } = manager();
    expiredGrant();
    for (let i = 0; i < 4; i += 1) tokenAnswers(400, { error: 'invalid_client' });
    const failure = await rewards.getBalance(scope).catch((err: unknown) => err);
    expect(failure).not.toBeInstanceOf(XoxodayGrantError);
    expect(failure).toMatchObject({ extensions: { code: 'UPSTREAM_UNAVAILABLE', provider: 'XOXODAY', upstreamCode: 'invalid_client' } });
    expect(tokenCalls).toBe(4);
    expect(store.grant().value).toMatchObject({ state: 'active', refreshToken: 'R1' });

    tokenAnswers(200, rotated(2));
    pool().intercept({ path: '/chef/v1/oauth/api', method: 'POST' }).reply(200, balanceAnswer);
    await expect(rewards.getBalance(scope)).resolves.toEqual({ value: 12.5, currency: 'USD' });
    expect(store.grant().value.refreshToken).toBe('R2');
  });

  it('waits out a 429’s Retry-After before trying again', async () => {
    const { rewards } = manager();
    expiredGrant();
    tokenAnswers(429, { message: 'auth.request_limit_exceeded' }, { 'retry-after': '2' });
    tokenAnswers(200, rotated(2));
    pool().intercept({ path: '/chef/v1/oauth/api', method: 'POST' }).reply(200, balanceAnswer);
    const started = Date.now();
    await expect(rewards.getBalance(scope)).resolves.toEqual({ value: 12.5, currency: 'USD' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_900);
    expect(tokenCalls).toBe(2);
  });
});

describe('renewal of an idle grant', () => {
  /** A grant obtained now through the authorize flow is what the managers then keep alive. */
  async function obtainedNow(): Promise<void> {
    expiredGrant();
    tokenAnswers(200, rotated(2));
    pool().intercept({ path: '/chef/v1/oauth/api', method: 'POST' }).reply(200, balanceAnswer);
    await manager().rewards.getBalance(scope);
    tokenCalls = 0;
  }

  it('is due a renewal period after the grant was obtained, not before', async () => {
    await obtainedNow();
    const { tokens } = manager();
    clock += 7 * DAY - 60_000;
    await expect(tokens.renewIfDue()).resolves.toBe(false);
    expect(tokenCalls).toBe(0);

    clock += 120_000;
    tokenAnswers(200, rotated(3));
    await expect(tokens.renewIfDue()).resolves.toBe(true);
    expect(tokenCalls).toBe(1);
    expect(store.grant().value.refreshToken).toBe('R3');
    // Next due a week from this renewal.
    expect(store.grant().expiresAt).toBe(clock + 8 * DAY);
    await expect(tokens.renewIfDue()).resolves.toBe(false);
  });

  it('renews once when several instances sharing the store and the lock find it due at the same moment', async () => {
    await obtainedNow();
    const instances = [manager(), manager(), manager()];
    clock += 7 * DAY + 1;
    tokenAnswers(200, rotated(3));
    await Promise.all(instances.map(({ tokens }) => tokens.renewIfDue()));
    expect(tokenCalls).toBe(1);
    // Every instance now uses the renewed grant without another token call.
    for (const { rewards } of instances) {
      pool().intercept({ path: '/chef/v1/oauth/api', method: 'POST', headers: { authorization: 'Bearer A3' } }).reply(200, balanceAnswer);
      await rewards.getBalance(scope);
    }
    expect(tokenCalls).toBe(1);
    agent.assertNoPendingInterceptors();
  });

  it('obtains nothing where no grant is stored, and leaves a dead one alone', async () => {
    const { tokens } = manager();
    await expect(tokens.renewIfDue()).resolves.toBe(false);
    store.values.set(GRANT, { value: { state: 'revoked', accessToken: '', refreshToken: '', accessExpiresAt: 0, origin: 'authorize' } });
    await expect(tokens.renewIfDue()).resolves.toBe(false);
    expect(tokenCalls).toBe(0);
  });

  it('takes up an operator’s XOXODAY_REFRESH_TOKEN on an instance nobody has used yet, once', async () => {
    const { tokens } = manager(true, 'R-operator');
    tokenAnswers(200, rotated(5));
    await expect(tokens.renewIfDue()).resolves.toBe(true);
    expect(store.grant().value).toMatchObject({ state: 'active', refreshToken: 'R5', origin: expect.stringMatching(/^env:/) });
    await expect(tokens.renewIfDue()).resolves.toBe(false);
    // A restart with the same variable finds it taken up: nothing to do until the grant is due.
    await expect(manager(true, 'R-operator').tokens.renewIfDue()).resolves.toBe(false);
    expect(tokenCalls).toBe(1);
  });

  it('checks a tenth of the renewal period, between a second and an hour', () => {
    expect(GrantRenewal.checkIntervalFor(7 * DAY)).toBe(3_600_000);
    expect(GrantRenewal.checkIntervalFor(20_000)).toBe(2_000);
    expect(GrantRenewal.checkIntervalFor(2_000)).toBe(1_000);
  });
});
