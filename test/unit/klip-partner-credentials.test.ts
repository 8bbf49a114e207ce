import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { MockAgent } from 'undici';
import { klipRejectionOf } from '../../src/datasources/klip/klip-rejections';
import { PartnerClient } from '../../src/datasources/klip/partner-client';
import { PARTNER_RENEW_AHEAD_MS, PARTNER_TOKEN_TTL_MS, PartnerCredentials } from '../../src/datasources/klip/partner-credentials';
import { UpstreamHttp } from '../../src/datasources/http';
import { Provider } from '../../src/errors';
import { Metrics } from '../../src/observability/metrics';
import { InProcessLocks } from '../../src/pubsub/locks';
import { createScope } from '../../src/scope';
import { openStore, type Store } from '../../src/store';

const scope = createScope({ viewer: null });

const ORIGIN = 'http://klip.test';
const EMAIL = 'partner@example.test';
const PASSWORD = 'correct horse';

let store: Store;
let dataDir: string;
let agent: MockAgent;
let now: number;
let logins: Array<{ email: string; password: string }>;

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'klip-cred-'));
  store = await openStore({ dataDir, encryptionKey: randomBytes(32).toString('base64') });
  agent = new MockAgent();
  agent.disableNetConnect();
  now = Date.UTC(2025, 0, 1);
  logins = [];
});
afterEach(async () => {
  await agent.close();
  await store.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function build() {
  const http = new UpstreamHttp({
    provider: Provider.KLIP,
    baseUrl: `${ORIGIN}/v2`,
    timeoutMs: 1000,
    retries: 0,
    breaker: { failures: 100, halfOpenMs: 1000 },
    metrics: new Metrics(),
    dispatcher: agent,
    rejectionOf: klipRejectionOf,
  });
  const credentials = new PartnerCredentials({
    http,
    email: EMAIL,
    password: PASSWORD,
    store: store.credentials,
    locks: new InProcessLocks(),
    logger: pino({ level: 'silent' }),
    now: () => now,
  });
  return { credentials, client: new PartnerClient(http, credentials) };
}

/** Every login answers a new token `t1`, `t2`, … */
function acceptLogins(times: number) {
  agent
    .get(ORIGIN)
    .intercept({ path: '/v2/partner/auth', method: 'POST' })
    .reply(200, (opts) => {
      logins.push(JSON.parse(String(opts.body)));
      return { access_token: `t${logins.length}`, contract_address: '0xc0ffee0000000000000000000000000000000001' };
    })
    .times(times);
}

/** Answers the card page to `token` only; records which token each call sent. */
function servePages(validToken: () => string, seen: string[], times: number) {
  agent
    .get(ORIGIN)
    .intercept({ path: (p) => p.startsWith('/v2/wallet/bapp'), method: 'GET' })
    .reply<object>((opts) => {
      const sent = String((opts.headers as Record<string, string>)['authorization']);
      seen.push(sent);
      return sent === validToken()
        ? { statusCode: 200, data: { bapps: [{ contract_address: '0xc0ffee0000000000000000000000000000000001', cards: [] }], next_cursor: '' } }
        : { statusCode: 401, data: { code: 40102, message: 'access token has expired; log in again' } };
    })
    .times(times);
}

it('logs in with the email and the lowercase SHA-256 hex of the password, and sends the token raw', async () => {
  acceptLogins(1);
  const seen: string[] = [];
  servePages(() => 't1', seen, 1);
  const { client } = build();
  await client.bappPage(scope, '');
  expect(logins).toEqual([{ email: EMAIL, password: createHash('sha256').update(PASSWORD).digest('hex') }]);
  expect(seen).toEqual(['t1']);
});

it('keeps the token encrypted in the store and reuses it after a restart', async () => {
  acceptLogins(1);
  const seen: string[] = [];
  servePages(() => 't1', seen, 2);
  await build().client.bappPage(scope, '');
  const row = await store.db.selectFrom('credentials').selectAll().where('provider', '=', 'klip').executeTakeFirstOrThrow();
  expect(row.value).not.toContain('accessToken');
  expect((await store.credentials.get<{ accessToken: string }>('klip', EMAIL.toLowerCase()))?.value.accessToken).toBe('t1');
  await build().client.bappPage(scope, '');
  expect(logins).toHaveLength(1);
  expect(seen).toEqual(['t1', 't1']);
});

it('renews the token an hour before its 24 hours are up, not before', async () => {
  acceptLogins(2);
  const seen: string[] = [];
  servePages(() => `t${logins.length}`, seen, 3);
  const { client } = build();
  await client.bappPage(scope, '');
  now += PARTNER_TOKEN_TTL_MS - PARTNER_RENEW_AHEAD_MS - 60_000;
  await client.bappPage(scope, '');
  expect(logins).toHaveLength(1);
  now += 120_000;
  await client.bappPage(scope, '');
  expect(logins).toHaveLength(2);
  expect(seen).toEqual(['t1', 't1', 't2']);
});

it('logs in once for many concurrent first calls', async () => {
  acceptLogins(1);
  const seen: string[] = [];
  servePages(() => 't1', seen, 20);
  const { client } = build();
  await Promise.all(Array.from({ length: 20 }, () => client.bappPage(scope, '')));
  expect(logins).toHaveLength(1);
  expect(seen).toHaveLength(20);
});

it('on a 401 logs in again once and retries once; a second 401 is not retried again', async () => {
  acceptLogins(2);
  const seen: string[] = [];
  let valid = 't1';
  servePages(() => valid, seen, 10);
  const { client } = build();
  await client.bappPage(scope, '');
  valid = 't2'; // Klip expired t1 early (its clock runs ahead of ours)
  await client.bappPage(scope, '');
  expect(seen).toEqual(['t1', 't1', 't2']);
  expect(logins).toHaveLength(2);

  valid = 'never';
  acceptLogins(1);
  await expect(client.bappPage(scope, '')).rejects.toMatchObject({ extensions: { code: 'UPSTREAM_UNAVAILABLE', provider: 'KLIP' } });
  expect(seen).toEqual(['t1', 't1', 't2', 't2', 't3']);
  expect(logins).toHaveLength(3);
});

it('reports refused partner credentials as UPSTREAM_UNAVAILABLE without the password', async () => {
  agent.get(ORIGIN).intercept({ path: '/v2/partner/auth', method: 'POST' }).reply(401, { code: 40100, message: 'email or password is incorrect' });
  const { client } = build();
  const error = (await client.bappPage(scope, '').then(
    () => undefined,
    (err: unknown) => err,
  )) as Error & { extensions: Record<string, unknown> };
  expect(error.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', provider: 'KLIP' });
  expect(error.message).toBe('Klip refused the gateway’s partner login');
  expect(error.message).not.toContain(PASSWORD);
});

describe('mintQuota', () => {
  function loginsAnswering(...answers: Array<Record<string, unknown>>) {
    for (const [i, extra] of answers.entries()) {
      agent
        .get(ORIGIN)
        .intercept({ path: '/v2/partner/auth', method: 'POST' })
        .reply(200, () => {
          logins.push({ email: EMAIL, password: '' });
          return { access_token: `t${i + 1}`, ...extra };
        });
    }
  }

  it('reads mint_limit and mint_count from a login made for it, and keeps that login’s token', async () => {
    loginsAnswering({ mint_limit: 10, mint_count: 3 }, { mint_limit: 10, mint_count: 5 });
    const seen: string[] = [];
    servePages(() => 't2', seen, 1);
    const { credentials, client } = build();
    // No token held: the login that brings one already says how things are.
    expect(await credentials.mintQuota()).toEqual({ limit: 10, minted: 3, reportedAt: now });
    now += 60_000;
    // A token held: a new login, whose numbers are now's and whose token replaces the old one.
    expect(await credentials.mintQuota()).toEqual({ limit: 10, minted: 5, reportedAt: now });
    expect(logins).toHaveLength(2);
    await client.bappPage(scope, '');
    expect(seen).toEqual(['t2']);
  });

  it.each([
    ['absent', {}],
    ['null', { mint_limit: null, mint_count: null }],
    ['not counts', { mint_limit: -1, mint_count: 'many' }],
  ])('reads numbers that are %s as unknown, without failing the login', async (_, extra) => {
    loginsAnswering(extra);
    const seen: string[] = [];
    servePages(() => 't1', seen, 1);
    const { credentials, client } = build();
    expect(await credentials.mintQuota()).toEqual({ limit: null, minted: null, reportedAt: now });
    await client.bappPage(scope, '');
    expect(seen).toEqual(['t1']);
  });
});
