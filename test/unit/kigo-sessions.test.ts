import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MockAgent } from 'undici';
import { UpstreamHttp } from '../../src/datasources/http';
import { KigoAuthClient } from '../../src/datasources/kigo/kigo-auth';
import { kigoRejectionOf } from '../../src/datasources/kigo/kigo-rejections';
import { KigoSessions } from '../../src/datasources/kigo/kigo-sessions';
import { Provider } from '../../src/errors';
import { Metrics } from '../../src/observability/metrics';
import { InProcessLocks } from '../../src/pubsub/locks';
import { openStore, type Store } from '../../src/store';

/* Renew-ahead uses the gateway's own clock; a MockAgent stands in for Kigo so that clock can move. */

const ORIGIN = 'https://kigo.test';
let agent: MockAgent;
let store: Store;
let dataDir: string;
let now: number;
let sessions: KigoSessions;

beforeEach(async () => {
  agent = new MockAgent();
  agent.disableNetConnect();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kigo-sessions-'));
  store = await openStore({ dataDir, encryptionKey: randomBytes(32).toString('base64') });
  now = Date.parse('2030-01-01T00:00:00Z');
  const http = new UpstreamHttp({
    provider: Provider.KIGO,
    baseUrl: `${ORIGIN}/api/v1`,
    timeoutMs: 1_000,
    retries: 0,
    breaker: { failures: 100, halfOpenMs: 1_000 },
    metrics: new Metrics(),
    dispatcher: agent,
    rejectionOf: kigoRejectionOf,
  });
  const client = new KigoAuthClient(http, { apiKey: 'key', partnerId: 'partner' });
  sessions = new KigoSessions({ client, store: store.credentials, locks: new InProcessLocks(), renewAheadMs: 60_000, now: () => now });
});
afterEach(async () => {
  await agent.close();
  await store.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const pool = () => agent.get(ORIGIN);
const userSession = (n: number) => ({ access_token: `kua_${n}`, expires_in: 3600, refresh_token: `kur_${n}`, refresh_expires_in: 31_536_000 });

function expectSignIn(): void {
  pool().intercept({ method: 'POST', path: '/api/v1/auth/partner', body: JSON.stringify({ api_key: 'key', partner_id: 'partner' }) }).reply(200, { session_token: 'kps_1', expires_in: 1800 });
  pool()
    .intercept({ method: 'POST', path: '/api/v1/auth/user', headers: { authorization: 'Bearer kps_1' }, body: JSON.stringify({ external_user_id: 'alice' }) })
    .reply(200, userSession(1));
}

const call = (sub = 'alice') => sessions.asUser(sub, async (access) => access);

it('opens a partner session and a user session on first use, then reuses the user session', async () => {
  expectSignIn();
  expect(await call()).toBe('kua_1');
  now += 3600_000 - 61_000;
  expect(await call()).toBe('kua_1');
  agent.assertNoPendingInterceptors();
});

it('refreshes with the refresh token once inside the renew-ahead window, before Kigo would refuse it', async () => {
  expectSignIn();
  await call();
  now += 3600_000 - 59_000;
  pool().intercept({ method: 'POST', path: '/api/v1/auth/user/refresh', body: JSON.stringify({ refresh_token: 'kur_1' }) }).reply(200, userSession(2));
  expect(await Promise.all([call(), call(), call()])).toEqual(['kua_2', 'kua_2', 'kua_2']);
  agent.assertNoPendingInterceptors();
  const stored = await store.credentials.get<{ refreshToken: string }>('kigo-user', 'alice');
  expect(stored?.value.refreshToken).toBe('kur_2');
});

it('propagates Kigo being down during a renewal instead of opening a new session', async () => {
  expectSignIn();
  await call();
  now += 3600_000;
  pool().intercept({ method: 'POST', path: '/api/v1/auth/user/refresh' }).reply(503, {});
  await expect(call()).rejects.toMatchObject({ extensions: { code: 'UPSTREAM_UNAVAILABLE', provider: 'KIGO' } });
  agent.assertNoPendingInterceptors();
});
