/** The gateway's own surface: health, readiness, metrics, Apollo Sandbox, CSRF, node(id), logs. */
import 'reflect-metadata';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { Pool } from 'pg';
import { SANDBOX_CREDENTIALS } from '../../sandbox/provider';
import { startTestSandbox } from '../helpers/test-sandbox';
import { loadConfig } from '../../src/config';
import { sandboxCredentials } from '../../src/dev/embedded-sandbox';
import { resolveSecrets } from '../../src/generated-secrets';
import { startGateway } from '../../src/server';
import { NodeByIdDocument, NodesByIdsDocument, ViewerIdDocument } from '../generated/graphql';
import { testDatabaseUrl, testRedisUrl, testSchemaName } from '../helpers/services';
import { startStack, type Stack } from '../helpers/stack';

const viewerId = (sub: string) => Buffer.from(`Viewer:${sub}`).toString('base64url');

describe('gateway surface', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.stop());

  it('answers /healthz and /readyz', async () => {
    expect(await (await fetch(`${stack.baseUrl}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${stack.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as { status: string; checks: Record<string, string> };
    expect(body).toMatchObject({ status: 'ready', checks: { store: 'ok' } });
    // No REDIS_URL: coordination is in-process and /readyz claims nothing about Redis.
    expect(body.checks.redis).toBeUndefined();
  });

  it('serves Apollo Sandbox to a browser on GET /graphql', async () => {
    const res = await fetch(stack.graphqlUrl, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/embeddable-sandbox/);
  });

  it('refuses a simple cross-site GET (CSRF prevention)', async () => {
    const res = await fetch(`${stack.graphqlUrl}?query=${encodeURIComponent('{ __typename }')}`);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/CSRF/);
  });

  it('counts operations by name and outcome in /metrics', async () => {
    await stack.gql(ViewerIdDocument, undefined, { sub: 'alice' });
    await stack.gql(ViewerIdDocument);
    const text = await (await fetch(`${stack.baseUrl}/metrics`)).text();
    expect(text).toMatch(/graphql_operations_total\{operation="ViewerId",type="query",outcome="ok"\} [1-9]/);
    expect(text).toMatch(/graphql_operations_total\{operation="ViewerId",type="query",outcome="UNAUTHENTICATED"\} [1-9]/);
    expect(text).toMatch(/graphql_operation_duration_seconds_count\{operation="ViewerId",type="query",outcome="ok"\} [1-9]/);
    expect(text).toContain('# TYPE upstream_requests_total counter');
    expect(text).toContain('# TYPE websocket_connections gauge');
  });

  it('logs one JSON line per operation with name, duration and outcome, and no token', async () => {
    const token = await stack.token('dora');
    await stack.gql(ViewerIdDocument, undefined, { token });
    const line = stack
      .logs()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.operation === 'ViewerId' && l.viewer === 'dora');
    expect(line).toMatchObject({ msg: 'graphql operation', type: 'query', outcome: 'ok', durationMs: expect.any(Number) });
    expect(stack.logs()).not.toContain(token);
  });

  it('resolves node(id) for the viewer itself and null for another viewer', async () => {
    const own = await stack.gql(NodeByIdDocument, { id: viewerId('alice') }, { sub: 'alice' });
    expect(own.data.node).toEqual({ id: viewerId('alice'), __typename: 'Viewer' });
    const other = await stack.gql(NodeByIdDocument, { id: viewerId('bob') }, { sub: 'alice' });
    expect(other.errors).toBeUndefined();
    expect(other.data.node).toBeNull();
  });

  it('answers nodes(ids) in order, null for what the viewer may not see or no longer exists', async () => {
    const gone = Buffer.from('Retired:thing').toString('base64url');
    const res = await stack.gql(NodesByIdsDocument, { ids: [viewerId('alice'), viewerId('bob'), gone, viewerId('alice')] }, { sub: 'alice' });
    expect(res.data.nodes).toEqual([{ id: viewerId('alice'), __typename: 'Viewer' }, null, null, { id: viewerId('alice'), __typename: 'Viewer' }]);
  });

  it('rejects a malformed global id and an oversized nodes() call with BAD_USER_INPUT', async () => {
    const bad = await stack.gql(NodeByIdDocument, { id: 'not a global id!' }, { sub: 'alice' });
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['id'] });
    const many = await stack.gql(NodesByIdsDocument, { ids: Array.from({ length: 101 }, () => viewerId('alice')) }, { sub: 'alice' });
    expect(many.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(many.errors![0]!.message).toMatch(/at most 100/);
  });
});

describe('readiness with Redis configured', () => {
  it('checks Redis too', async () => {
    const stack = await startStack({ redis: true });
    try {
      const body = (await (await fetch(`${stack.baseUrl}/readyz`)).json()) as { checks: Record<string, string> };
      expect(body.checks.redis).toBe('ok');
    } finally {
      await stack.stop();
    }
  });
});

describe('readiness when the store goes away', () => {
  // A TCP relay in front of Postgres that the test can cut, as a network failure would.
  let relay: net.Server;
  const sockets = new Set<net.Socket>();
  let stack: Stack;
  beforeAll(async () => {
    const target = new URL(testDatabaseUrl());
    relay = net.createServer((client) => {
      const upstream = net.connect(Number(target.port || 5432), target.hostname);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
    const via = new URL(target.toString());
    via.port = String((relay.address() as net.AddressInfo).port);
    stack = await startStack({ postgres: true, env: { DATABASE_URL: via.toString() } });
  });
  afterAll(async () => {
    await stack.stop();
  });

  it('answers 503 naming the store once Postgres is unreachable', async () => {
    expect((await fetch(`${stack.baseUrl}/readyz`)).status).toBe(200);
    await new Promise<void>((resolve) => relay.close(() => resolve()) && sockets.forEach((s) => s.destroy()));
    const res = await fetch(`${stack.baseUrl}/readyz`);
    expect(res.status).toBe(503);
    const body = (await res.json()) as { status: string; checks: Record<string, string> };
    expect(body.status).toBe('unavailable');
    expect(body.checks.store).not.toBe('ok');
    expect(body.checks.store.length).toBeGreaterThan(0);
    // Alive all the same: a load balancer should stop routing, not restart the process.
    expect((await fetch(`${stack.baseUrl}/healthz`)).status).toBe(200);
  });
});

describe('production mode', () => {
  let stack: Stack;
  beforeAll(async () => {
    const c = SANDBOX_CREDENTIALS;
    stack = await startStack({
      env: {
        NODE_ENV: 'production',
        KIGO_API_KEY: c.kigo.apiKey,
        KIGO_PARTNER_ID: c.kigo.partnerId,
        KLIP_PARTNER_EMAIL: c.klip.partnerEmail,
        KLIP_PARTNER_PASSWORD: c.klip.partnerPassword,
        KLIP_CARD_CONTRACT: c.klip.cardContract,
        KLIP_CARD_PIN: c.klip.cardPin,
        XOXODAY_CLIENT_ID: c.xoxoday.clientId,
        XOXODAY_CLIENT_SECRET: c.xoxoday.clientSecret,
        XOXODAY_REDIRECT_URI: c.xoxoday.redirectUri,
        XOXODAY_REFRESH_TOKEN: `unused-${randomBytes(4).toString('hex')}`,
      },
    });
  });
  afterAll(() => stack.stop());

  it('does not serve Apollo Sandbox', async () => {
    const html = await (await fetch(stack.graphqlUrl, { headers: { accept: 'text/html' } })).text();
    expect(html).not.toMatch(/embeddable-sandbox/);
  });

  it('sends no stack traces', async () => {
    const res = await stack.gql(NodeByIdDocument, { id: '!!' }, { sub: 'alice' });
    expect(res.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.extensions!.stacktrace).toBeUndefined();
    const unauth = await stack.gql(ViewerIdDocument);
    expect(unauth.errors![0]!.extensions!.stacktrace).toBeUndefined();
  });

  // Last in this block: it breaks the store under the running gateway.
  it('sends an internal error without its stack trace, message or SQL, and logs it for operators', async () => {
    await stack.gateway.services.store.db.schema.dropTable('viewer_links').execute();
    const res = await stack.gql('{ viewer { klaytnAddress } }', undefined, { sub: 'alice' });
    expect(res.status).toBe(200);
    expect(res.errors).toEqual([{ message: 'Internal server error', locations: expect.any(Array), path: ['viewer', 'klaytnAddress'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
    expect(JSON.stringify(res)).not.toMatch(/viewer_links|sqlite|select|\.ts:\d+/i);
    expect(stack.logs()).toMatch(/"msg":"unexpected error"/);
  });
});

describe('metrics labels', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: { METRICS_MAX_OPERATION_NAMES: '3' } });
  });
  afterAll(() => stack.stop());

  it('keeps at most METRICS_MAX_OPERATION_NAMES client operation names as labels and counts the rest as `other`', async () => {
    for (const n of [1, 2, 3, 4, 5, 1]) expect((await stack.gql(`query Op${n} { viewer { id } }`, undefined, { sub: 'alice' })).errors).toBeUndefined();
    const text = await (await fetch(`${stack.baseUrl}/metrics`)).text();
    const counted = (operation: string) => Number(new RegExp(`graphql_operations_total\\{operation="${operation}",type="query",outcome="ok"\\} (\\d+)`).exec(text)?.[1] ?? 0);
    expect([counted('Op1'), counted('Op2'), counted('Op3'), counted('other')]).toEqual([2, 1, 1, 2]);
    expect(text).not.toMatch(/operation="Op[45]"/);
  });
});

describe('readiness during an upstream outage', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.stop());

  it('stays ready and asks no upstream while all three fail', async () => {
    // Credentials in use first, so a check that logs in or validates would have something to do.
    await stack.gql('{ viewer { tokens(first: 1) { totalCount } } }', undefined, { sub: 'alice' });
    await stack.gql('{ partnerCards(first: 1) { nodes { id } } }', undefined, { sub: 'ops', admin: true });
    await stack.control('POST', '/_sandbox/faults', { status: 503 });
    await stack.control('DELETE', '/_sandbox/stats');
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${stack.baseUrl}/readyz`);
      expect(res.status).toBe(200);
    }
    const calls = ((await stack.control('GET', '/_sandbox/stats')) as { requests: Record<string, number> }).requests;
    // Xoxoday's grant is validated now and then (at most every 10 s) to notice a revocation; never Kigo or Klip.
    expect(Object.keys(calls).filter((route) => !route.includes('/xoxoday/'))).toEqual([]);
    await stack.control('DELETE', '/_sandbox/faults');
  });
});

describe('a start that fails half-way', () => {
  it('closes everything it opened: store connections, Redis clients, domain listeners', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as net.AddressInfo).port;
    const sandbox = await startTestSandbox();
    const namespace = testSchemaName();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rewardgraph-failed-start-'));
    const redis = new Redis(testRedisUrl());
    const pg = new Pool({ connectionString: testDatabaseUrl(), max: 1 });
    try {
      const config = loadConfig(
        {
          NODE_ENV: 'test',
          PORT: String(port),
          DATA_DIR: dataDir,
          LOG_LEVEL: 'silent',
          DATABASE_URL: testDatabaseUrl(),
          REDIS_URL: testRedisUrl(),
          AUTH_JWT_SECRET: randomBytes(32).toString('base64url'),
          STORE_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
          KIGO_BASE_URL: sandbox.baseUrls.kigo,
          KLIP_API_URL: sandbox.baseUrls.klipApi,
          KLIP_A2A_URL: sandbox.baseUrls.klipA2a,
          XOXODAY_BASE_URL: sandbox.baseUrls.xoxoday,
        },
        { developmentCredentials: sandboxCredentials },
      );
      const started = startGateway({
        config,
        upstreams: { ...sandbox.baseUrls, credentials: config.upstreamCredentials },
        secrets: resolveSecrets(config),
        postgresSchema: namespace,
        redisNamespace: namespace,
      });
      await expect(started).rejects.toMatchObject({ code: 'EADDRINUSE' });
      const ours = async () => ({
        postgres: Number((await pg.query('select count(*) as n from pg_stat_activity where application_name = $1', [`rewardgraph:${namespace}`])).rows[0].n),
        redis: String(await redis.call('CLIENT', 'LIST'))
          .split('\n')
          .filter((line) => line.includes(` name=${namespace}:`)).length,
      });
      // Closing is asynchronous on the servers' side: give them a moment to see the connections go.
      for (let i = 0; i < 50 && JSON.stringify(await ours()) !== JSON.stringify({ postgres: 0, redis: 0 }); i++) await new Promise((r) => setTimeout(r, 50));
      expect(await ours()).toEqual({ postgres: 0, redis: 0 });
    } finally {
      await new Promise<void>((resolve) => taken.close(() => resolve()));
      await sandbox.close();
      redis.disconnect();
      await pg.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
