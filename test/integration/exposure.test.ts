/**
 * What the gateway shows the internet (issue 10, points 7 and 8): in production no introspection unless
 * asked for, /metrics never on the public port unguarded, CORS only for configured origins; and every
 * error answer JSON, in both modes, without a stack trace or a file path.
 */
import { randomBytes } from 'node:crypto';
import { getIntrospectionQuery } from 'graphql';
import WebSocket from 'ws';
import { productionEnv } from '../helpers/production';
import { startStack, type Stack } from '../helpers/stack';

const production = () => productionEnv(`unused-${randomBytes(4).toString('hex')}`);

/** No stack trace, no path of ours or of a dependency, in anything a client reads. */
function expectNothingInternal(text: string): void {
  expect(text).not.toMatch(/\bat [\w.<>]+ \(|node_modules|\/work\/|\/src\/|\.ts:\d+|stacktrace/);
}

describe('production', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: production() });
  });
  afterAll(() => stack.stop());

  it('answers no introspection, over HTTP or the websocket', async () => {
    const http = await stack.gql(getIntrospectionQuery(), undefined, { headers: { accept: 'application/graphql-response+json' } });
    expect(http.status).toBe(400);
    expect(http.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(http.errors?.[0]?.message).toMatch(/introspection/i);
    const client = stack.wsClient({ sub: 'alice' });
    const result = await new Promise<unknown>((resolve) => client.subscribe({ query: '{ __schema { queryType { name } } }' }, { next: resolve, error: resolve, complete: () => {} }));
    expect(JSON.stringify(result)).toMatch(/introspection/i);
  });

  it('serves /metrics only on its own listener, never on the API port', async () => {
    const onApi = await fetch(`${stack.baseUrl}/metrics`);
    expect(onApi.status).toBe(404);
    expect(onApi.headers.get('content-type')).toMatch(/application\/json/);
    expect(stack.gateway.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    const own = await fetch(stack.gateway.metricsUrl!);
    expect(own.status).toBe(200);
    expect(await own.text()).toContain('graphql_operations_total');
  });

  it('sends no CORS headers to an origin nobody configured, on /graphql, /readyz or anywhere', async () => {
    for (const path of ['/graphql', '/readyz', '/healthz']) {
      const res = await fetch(`${stack.baseUrl}${path}`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('keeps /healthz and /readyz open and free of secrets', async () => {
    for (const path of ['/healthz', '/readyz']) {
      const res = await fetch(`${stack.baseUrl}${path}`);
      expect(res.status).toBe(200);
      const text = await res.text();
      for (const secret of Object.values(production())) if (secret.length > 8) expect(text).not.toContain(secret);
      expect(text).not.toContain(stack.env.STORE_ENCRYPTION_KEY!);
    }
  });

  it('answers an error that is not a coded one with "Internal server error" only', async () => {
    // An argument of the wrong type is coded; a broken JSON body is ours to answer, as JSON.
    const res = await fetch(stack.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": "{ viewer { id }' });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
    expectNothingInternal(text);
  });
});

describe('production options', () => {
  it('answers introspection when GRAPHQL_INTROSPECTION=true, and allows only CORS_ORIGINS', async () => {
    const stack = await startStack({ env: { ...production(), GRAPHQL_INTROSPECTION: 'true', CORS_ORIGINS: 'https://app.example, https://admin.example' } });
    try {
      expect((await stack.gql('{ __schema { queryType { name } } }')).data.__schema.queryType.name).toBe('Query');
      const allowed = await fetch(stack.graphqlUrl, { method: 'OPTIONS', headers: { origin: 'https://admin.example', 'access-control-request-method': 'POST' } });
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://admin.example');
      const other = await fetch(stack.graphqlUrl, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await stack.stop();
    }
  });

  it('serves /metrics on the API port behind METRICS_TOKEN when one is set', async () => {
    const token = randomBytes(24).toString('hex');
    const stack = await startStack({ env: { ...production(), METRICS_TOKEN: token } });
    try {
      expect(stack.gateway.metricsUrl).toBeUndefined();
      const without = await fetch(`${stack.baseUrl}/metrics`);
      expect(without.status).toBe(401);
      expect(await without.json()).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
      expect((await fetch(`${stack.baseUrl}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
      const withToken = await fetch(`${stack.baseUrl}/metrics`, { headers: { authorization: `Bearer ${token}` } });
      expect(withToken.status).toBe(200);
    } finally {
      await stack.stop();
    }
  });
});

describe.each([
  ['development', {}],
  ['production', production()],
])('every error answer is JSON (%s)', (_mode, env) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env });
  });
  afterAll(() => stack.stop());

  async function expectJsonError(res: Response, status: number, code: string): Promise<void> {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/(graphql-response\+)?json/);
    const text = await res.text();
    const body = JSON.parse(text) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(body.errors[0]!.extensions.code).toBe(code);
    expectNothingInternal(text);
  }

  it('answers malformed JSON 400 BAD_REQUEST', async () => {
    await expectJsonError(await fetch(stack.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' }), 400, 'BAD_REQUEST');
  });

  it('answers a body over 1 MB 413 PAYLOAD_TOO_LARGE', async () => {
    const body = JSON.stringify({ query: '{ viewer { id } }', variables: { pad: 'x'.repeat(1_100_000) } });
    await expectJsonError(await fetch(stack.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body }), 413, 'PAYLOAD_TOO_LARGE');
  });

  it('answers an unsupported media type with a JSON error', async () => {
    const res = await fetch(stack.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/xml', 'apollo-require-preflight': 'true' }, body: '<query/>' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.headers.get('content-type')).toMatch(/json/);
    expectNothingInternal(await res.text());
  });

  it('answers an unknown path, under /graphql or not, 404 NOT_FOUND', async () => {
    await expectJsonError(await fetch(`${stack.graphqlUrl}/nothing-here`), 404, 'NOT_FOUND');
    await expectJsonError(await fetch(`${stack.baseUrl}/no/such/path`, { method: 'POST' }), 404, 'NOT_FOUND');
  });

  it('closes a websocket frame over WS_MAX_PAYLOAD_BYTES with 1009', async () => {
    const socket = new WebSocket(stack.graphqlUrl.replace(/^http/, 'ws'), 'graphql-transport-ws');
    await new Promise((resolve) => socket.once('open', resolve));
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send(Buffer.alloc(65_537, 'a'));
    expect(await closed).toBe(1009);
  });
});
