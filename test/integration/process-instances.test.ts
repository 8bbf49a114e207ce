/**
 * Two compiled gateways (`node dist/src/main.js`) of one deployment — one Postgres schema, one Redis —
 * behind no load balancer but this test: credentials are obtained and renewed once across both, and
 * when the instance polling an App2App request is `kill -9`ed, the other takes the poll over and its
 * subscribers see every later state. Counted at the sandbox, never by the gateways' own counters.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { createClient } from 'graphql-ws';
import { Pool } from 'pg';
import WebSocket from 'ws';
import { signViewerToken } from '../../src/auth/tokens';
import type { Sandbox } from '../../sandbox/server';
import { startTestSandbox } from '../helpers/test-sandbox';
import { build, killAll, postGraphql, removeTempDirs, startGatewayProcess, tempDir, type GatewayProcess } from '../helpers/process';
import { testDatabaseUrl, testRedisUrl, testSchemaName } from '../helpers/services';

jest.setTimeout(60_000);

const SECRET = randomBytes(32).toString('base64url');
const INTERVAL_MS = 300;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let sandbox: Sandbox;
let pool: Pool;
beforeAll(async () => {
  await build(120_000);
  sandbox = await startTestSandbox();
  pool = new Pool({ connectionString: testDatabaseUrl(), max: 1 });
}, 150_000);
afterAll(async () => {
  await killAll();
  await sandbox?.close();
  await pool?.end();
  removeTempDirs();
});

/** Two instances of a fresh deployment: a new Postgres schema, a Redis database of its own (most likely). */
async function deployment(): Promise<[GatewayProcess, GatewayProcess]> {
  const schema = testSchemaName();
  await pool.query(`create schema "${schema}"`);
  const env = {
    LOG_LEVEL: 'warn',
    AUTH_JWT_SECRET: SECRET,
    STORE_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    DATA_DIR: tempDir(),
    DATABASE_URL: `${testDatabaseUrl()}?options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    // Redis keys are not namespaced per deployment outside tests: another database keeps runs apart.
    REDIS_URL: `${testRedisUrl()}/${randomInt(1, 16)}`,
    APP2APP_POLL_INTERVAL_MS: String(INTERVAL_MS),
    // Every partnerCards call asks Klip, so that each instance meets the refused token itself.
    KLIP_PAGE_CACHE_TTL_SECONDS: '0',
    KIGO_BASE_URL: sandbox.baseUrls.kigo,
    KLIP_API_URL: sandbox.baseUrls.klipApi,
    KLIP_A2A_URL: sandbox.baseUrls.klipA2a,
    XOXODAY_BASE_URL: sandbox.baseUrls.xoxoday,
  };
  return Promise.all([startGatewayProcess(env), startGatewayProcess(env)]);
}

/** Calls that arrived at exactly this route (the sandbox's `count` would add every route it prefixes). */
const arrivals = (route: string) => sandbox.stats.toJSON().requests[route] ?? 0;
const control = (pathname: string, body: unknown = {}) =>
  fetch(`${sandbox.url}${pathname}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('credentials across two gateway processes', () => {
  it('obtains the Kigo sessions and the Klip partner token once for both, and renews each once when both hear it is dead', async () => {
    const instances = await deployment();
    const [alice, admin] = await Promise.all([signViewerToken(SECRET, 'alice'), signViewerToken(SECRET, 'ops', { admin: true })]);
    sandbox.stats.clear();
    const burst = () =>
      Promise.all(
        Array.from({ length: 16 }, (_, i) => {
          const gateway = instances[i % 2]!;
          return i % 4 < 2
            ? postGraphql(gateway.graphqlUrl, '{ viewer { tokens(first: 1) { totalCount } } }', alice)
            : postGraphql(gateway.graphqlUrl, '{ partnerCards(first: 1) { nodes { cardId } } }', admin);
        }),
      );
    for (const res of await burst()) expect(res.errors).toBeUndefined();
    expect({
      kigoPartner: arrivals('POST /kigo/api/v1/auth/partner'),
      kigoUser: arrivals('POST /kigo/api/v1/auth/user'),
      klipLogin: arrivals('POST /klip/v2/partner/auth'),
    }).toEqual({ kigoPartner: 1, kigoUser: 1, klipLogin: 1 });

    // Both instances hear at once that the credential they share is dead (one call each, both refused):
    // one renews it, the other finds the renewed one in the store instead of renewing again.
    sandbox.stats.clear();
    await control('/_sandbox/faults', { provider: 'kigo', method: 'GET', path: '/wallet/tokens$', status: 401, body: { error: { code: 'unauthorized' } }, times: 2 });
    await control('/_sandbox/faults', { provider: 'klip', method: 'GET', path: '/wallet/bapp$', status: 401, body: { code: 40101, message: 'invalid token' }, times: 2 });
    const renewed = await Promise.all(
      instances.flatMap((gateway) => [
        postGraphql(gateway.graphqlUrl, '{ viewer { tokens(first: 1) { totalCount } } }', alice),
        postGraphql(gateway.graphqlUrl, '{ partnerCards(first: 1) { nodes { cardId } } }', admin),
      ]),
    );
    for (const res of renewed) expect(res.errors).toBeUndefined();
    expect({
      refused: { kigo: arrivals('GET /kigo/api/v1/wallet/tokens'), klip: arrivals('GET /klip/v2/wallet/bapp') },
      kigoRenewals: arrivals('POST /kigo/api/v1/auth/user/refresh') + arrivals('POST /kigo/api/v1/auth/user'),
      klipLogins: arrivals('POST /klip/v2/partner/auth'),
    }).toEqual({ refused: { kigo: 4, klip: 4 }, kigoRenewals: 1, klipLogins: 1 });
  });
});

describe('App2App polling when the polling instance dies', () => {
  it('moves to the other instance within two intervals plus the lease, whose subscribers get every later state; one poller at a time, as Klip sees it', async () => {
    const instances = await deployment();
    const alice = await signViewerToken(SECRET, 'alice');
    const prepared = await postGraphql(instances[0].graphqlUrl, 'mutation { prepareApp2App(input: {type: AUTH}) { request { requestKey } } }', alice);
    const key = prepared.data.prepareApp2App.request.requestKey as string;

    const subscriptions = instances.map((gateway) => subscribeTo(gateway, alice, key));
    await Promise.all(subscriptions.map((s) => s.waitFor(1)));
    const activePollers = async (gateway: GatewayProcess) => ((await (await fetch(`${gateway.baseUrl}/readyz`)).json()) as { details: { app2appActivePollers: number } }).details.app2appActivePollers;
    let holder = -1;
    for (let tries = 0; holder < 0 && tries < 40; tries += 1) {
      const counts = await Promise.all(instances.map(activePollers));
      holder = counts.indexOf(1);
      if (holder < 0) await sleep(100);
    }
    expect(holder).toBeGreaterThanOrEqual(0);
    const survivor = 1 - holder;
    await sleep(4 * INTERVAL_MS);

    await instances[holder]!.child.stop('SIGKILL');
    const killedAt = Date.now();
    expect((await control(`/_sandbox/klip/a2a/${key}/open`)).status).toBe(200);
    await subscriptions[survivor]!.waitFor(2, 15_000);
    const takenOverAfterMs = Date.now() - killedAt;
    // The lease outlives the holder by its TTL (2 intervals + 2 s); the survivor tries every interval.
    expect(takenOverAfterMs).toBeLessThan(2 * INTERVAL_MS + (2 * INTERVAL_MS + 2_000) + 1_000);

    expect((await control(`/_sandbox/klip/a2a/${key}/approve`)).status).toBe(200);
    const events = await subscriptions[survivor]!.done;
    expect(events.map((e) => e.status)).toEqual(['PREPARED', 'REQUESTED', 'COMPLETED']);

    // Klip's side: never two pollers at once, before the kill or after the takeover.
    const { polls } = (await (await fetch(`${sandbox.url}/_sandbox/klip/a2a/${key}/polls`)).json()) as { polls: number[] };
    expect(polls.length).toBeGreaterThanOrEqual(6);
    const gaps = polls.slice(1).map((at, i) => at - polls[i]!);
    const tooClose = gaps.filter((gap) => gap < 0.6 * INTERVAL_MS);
    expect({ polls: polls.length, tooClose }).toEqual({ polls: polls.length, tooClose: [] });
  });
});

/** A graphql-ws subscription to one request's states, as the README's terminal client does. */
function subscribeTo(gateway: GatewayProcess, token: string, requestKey: string) {
  const statuses: Array<{ status: string }> = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const client = createClient({ url: gateway.graphqlUrl.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: `Bearer ${token}` } });
  const done = new Promise<Array<{ status: string }>>((resolve, reject) => {
    client.subscribe<{ app2appRequest: { status: string } }>(
      { query: 'subscription ($k: String!) { app2appRequest(requestKey: $k) { status } }', variables: { k: requestKey } },
      {
        next: (value) => {
          statuses.push(value.data!.app2appRequest);
          for (const w of waiters.filter((w) => statuses.length >= w.count)) w.resolve();
        },
        error: reject,
        complete: () => resolve(statuses),
      },
    );
  }).finally(() => void client.dispose());
  done.catch(() => undefined);
  return {
    done,
    waitFor(count: number, timeoutMs = 10_000): Promise<void> {
      if (statuses.length >= count) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`only ${JSON.stringify(statuses)} within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
      });
    },
  };
}
