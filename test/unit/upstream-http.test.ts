/** UpstreamHttp against undici's MockAgent (no network): error mapping, retries, breaker, metrics. */
import { getEventListeners } from 'node:events';
import { MockAgent } from 'undici';
import { z } from 'zod';
import { UpstreamHttp } from '../../src/datasources/http';
import { UpstreamRejection } from '../../src/datasources/rejection';
import { ErrorCode, Provider, UpstreamError } from '../../src/errors';
import { Metrics } from '../../src/observability/metrics';
import { backgroundScope, createScope } from '../../src/scope';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { Tracing } from '../../src/observability/tracing';

const scope = createScope({ viewer: null });
const ANY = z.unknown();

const ORIGIN = 'http://kigo.test';

function setup(overrides: { retries?: number; failures?: number; timeoutMs?: number } = {}) {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const metrics = new Metrics();
  const http = new UpstreamHttp({
    provider: Provider.KIGO,
    baseUrl: `${ORIGIN}/api/v1`,
    timeoutMs: overrides.timeoutMs ?? 1_000,
    retries: overrides.retries ?? 0,
    breaker: { failures: overrides.failures ?? 100, halfOpenMs: 60_000 },
    metrics,
    dispatcher: agent,
    // A provider's hook: Kigo-like `{error: {code}}` bodies name their kind.
    rejectionOf: ({ body }) => {
      const code = (body as { error?: { code?: string } } | undefined)?.error?.code;
      return code ? { kind: code.replace(/_/g, '-'), upstreamCode: code } : undefined;
    },
  });
  return { pool: agent.get(ORIGIN), http, metrics, agent };
}

const get = { scope, method: 'GET' as const, path: '/wallet/tokens/tok_1', route: '/wallet/tokens/:tokenId' };

describe('UpstreamHttp', () => {
  it('returns the JSON body of a 2xx answer and sends query and headers', async () => {
    const { pool, http } = setup();
    pool.intercept({ path: '/api/v1/wallet/tokens?offset=20&limit=10', method: 'GET', headers: { authorization: 'Bearer t' } }).reply(200, { data: [], total: 0 });
    await expect(
      http.json({ scope, method: 'GET', path: '/wallet/tokens', route: '/wallet/tokens', query: { offset: 20, limit: 10, status: undefined }, headers: { authorization: 'Bearer t' } }, ANY),
    ).resolves.toEqual({ data: [], total: 0 });
  });

  it('maps a 5xx to UPSTREAM_UNAVAILABLE with the provider, without the upstream body', async () => {
    const { pool, http } = setup();
    pool.intercept({ path: '/api/v1/wallet/tokens/tok_1', method: 'GET' }).reply(503, { error: { message: 'db password is hunter2' } });
    const err = await http.json(get, ANY).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamError);
    expect((err as UpstreamError).extensions).toMatchObject({ code: ErrorCode.UPSTREAM_UNAVAILABLE, provider: 'KIGO', upstreamStatus: 503 });
    expect((err as Error).message).not.toContain('hunter2');
  });

  it('maps a refused connection to UPSTREAM_UNAVAILABLE', async () => {
    const { pool, http } = setup();
    pool.intercept({ path: '/api/v1/wallet/tokens/tok_1', method: 'GET' }).replyWithError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    await expect(http.json(get, ANY)).rejects.toMatchObject({ extensions: { code: ErrorCode.UPSTREAM_UNAVAILABLE, provider: 'KIGO' } });
  });

  it('maps a slow answer to UPSTREAM_TIMEOUT', async () => {
    const { pool, http } = setup({ timeoutMs: 100 });
    pool.intercept({ path: '/api/v1/wallet/tokens/tok_1', method: 'GET' }).reply(200, {}).delay(500);
    await expect(http.json(get, ANY)).rejects.toMatchObject({ extensions: { code: ErrorCode.UPSTREAM_TIMEOUT, provider: 'KIGO' } });
  });

  it('maps 429 to RATE_LIMITED', async () => {
    const { pool, http } = setup();
    pool.intercept({ path: '/api/v1/wallet/tokens/tok_1', method: 'GET' }).reply(429, {});
    await expect(http.json(get, ANY)).rejects.toMatchObject({ extensions: { code: ErrorCode.RATE_LIMITED, provider: 'KIGO' } });
  });

  it("names other 4xx answers once, through the provider's rejection hook", async () => {
    const { pool, http } = setup();
    pool.intercept({ path: '/api/v1/wallet/tokens/tok_1/share', method: 'POST' }).reply(409, { error: { code: 'token_not_shareable', message: 'SECRET words' } });
    const err = await http.json({ scope, method: 'POST', path: '/wallet/tokens/tok_1/share', route: '/wallet/tokens/:tokenId/share' }, ANY).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamRejection);
    expect(err).toMatchObject({ kind: 'token-not-shareable', status: 409, upstreamCode: 'token_not_shareable' });
    // Unhandled, it is an upstream failure in our own code, with the upstream's code beside it.
    expect((err as UpstreamRejection).extensions).toMatchObject({ code: ErrorCode.UPSTREAM_UNAVAILABLE, provider: 'KIGO', upstreamStatus: 409, upstreamCode: 'token_not_shareable' });
    expect((err as Error).message).not.toContain('SECRET');
  });

  it('calls a 4xx the hook does not know `unrecognized`', async () => {
    const { pool, http } = setup();
    pool.intercept({ path: '/api/v1/wallet/tokens/tok_1', method: 'GET' }).reply(418, { teapot: true });
    await expect(http.json(get, ANY)).rejects.toMatchObject({ kind: 'unrecognized', status: 418 });
  });

  it('checks a 2xx body against the wire schema and names only the route when it does not fit', async () => {
    const { pool, http } = setup();
    pool.intercept({ path: '/api/v1/wallet/tokens/tok_1', method: 'GET' }).reply(200, { token_id: 42, secret: 'SECRET' });
    const err = await http.json(get, z.object({ token_id: z.string() })).catch((e: unknown) => e);
    expect((err as UpstreamError).extensions).toMatchObject({ code: ErrorCode.UPSTREAM_UNAVAILABLE, provider: 'KIGO' });
    expect((err as Error).message).toBe('Kigo answered GET /wallet/tokens/:tokenId in an unexpected shape');
  });

  it("aborts the call when the operation's scope is aborted", async () => {
    const { pool, http } = setup({ timeoutMs: 5_000 });
    pool.intercept({ path: '/api/v1/wallet/tokens/tok_1', method: 'GET' }).reply(200, {}).delay(2_000);
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 50);
    await expect(http.json({ ...get, scope: createScope({ viewer: null, signal: controller.signal }) }, ANY)).rejects.toMatchObject({ extensions: { provider: 'KIGO' } });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('keeps concurrent calls of background work (pollers) off one shared signal: no pile of abort listeners, no MaxListenersExceededWarning', async () => {
    const { pool, http } = setup();
    pool.intercept({ path: '/api/v1/wallet/tokens/tok_1', method: 'GET' }).reply(200, {}).delay(50).times(30);
    // 30 polls in flight at once, each in its own background scope (no deadline), as 30 App2App pollers are.
    const scopes = Array.from({ length: 30 }, () => backgroundScope('app2app-poll'));
    const calls = Promise.all(scopes.map((s) => http.json({ ...get, scope: s }, ANY)));
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Node warns of a leak past 10 listeners on one signal; a shared never-aborting one collected one per call in flight.
    const most = Math.max(...scopes.map((s) => getEventListeners(s.signal, 'abort').length));
    await calls;
    expect(most).toBeLessThanOrEqual(1);
  });

  it('retries an idempotent GET after a 503 and succeeds', async () => {
    const { pool, http } = setup({ retries: 2 });
    pool.intercept({ path: '/api/v1/wallet/tokens/tok_1', method: 'GET' }).reply(503, {});
    pool.intercept({ path: '/api/v1/wallet/tokens/tok_1', method: 'GET' }).reply(200, { token_id: 'tok_1' });
    await expect(http.json(get, ANY)).resolves.toEqual({ token_id: 'tok_1' });
  });

  it('never re-sends a POST on its own', async () => {
    const { pool, http, agent } = setup({ retries: 2 });
    pool.intercept({ path: '/api/v1/claims/X', method: 'POST' }).reply(503, {});
    pool.intercept({ path: '/api/v1/claims/X', method: 'POST' }).reply(200, { token: {} });
    await expect(http.json({ scope, method: 'POST', path: '/claims/X', route: '/claims/:claimCode' }, ANY)).rejects.toMatchObject({ extensions: { code: ErrorCode.UPSTREAM_UNAVAILABLE } });
    expect(agent.pendingInterceptors()).toHaveLength(1);
  });

  it('opens the breaker after consecutive failures and then fails fast without calling', async () => {
    const { pool, http, agent } = setup({ failures: 3 });
    pool.intercept({ path: '/api/v1/wallet/tokens/tok_1', method: 'GET' }).reply(500, {}).times(3);
    for (let i = 0; i < 3; i += 1) await expect(http.json(get, ANY)).rejects.toMatchObject({ extensions: { code: ErrorCode.UPSTREAM_UNAVAILABLE } });
    pool.intercept({ path: '/api/v1/wallet/tokens/tok_1', method: 'GET' }).reply(200, {});
    const err = await http.json(get, ANY).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/recent calls failed/);
    expect(agent.pendingInterceptors()).toHaveLength(1);
  });

  it('counts calls by provider, route template and status', async () => {
    const { pool, http, metrics } = setup();
    pool.intercept({ path: '/api/v1/wallet/tokens/tok_1', method: 'GET' }).reply(200, {});
    await http.json(get, ANY);
    const text = await metrics.registry.metrics();
    expect(text).toContain('upstream_requests_total{provider="KIGO",route="GET /wallet/tokens/:tokenId",status="200"} 1');
    expect(text).toMatch(/upstream_request_duration_seconds_count\{provider="KIGO",route="GET \/wallet\/tokens\/:tokenId",status="200"\} 1/);
  });
});

describe('UpstreamHttp with tracing', () => {
  it('sends the W3C traceparent of its call span, a child of the operation span', async () => {
    const exporter = new InMemorySpanExporter();
    const tracing = new Tracing({ sampleRatio: 1, serviceName: 'test', exporter });
    const agent = new MockAgent();
    agent.disableNetConnect();
    const http = new UpstreamHttp({ provider: Provider.KIGO, baseUrl: `${ORIGIN}/api/v1`, timeoutMs: 1_000, retries: 0, breaker: { failures: 100, halfOpenMs: 60_000 }, metrics: new Metrics(), dispatcher: agent, tracing });
    let sent: string | undefined;
    agent
      .get(ORIGIN)
      .intercept({ path: '/api/v1/wallet/tokens/tok_1', method: 'GET' })
      .reply((req) => {
        sent = (req.headers as Record<string, string>).traceparent;
        return { statusCode: 200, data: {} };
      });
    const operation = tracing.startOperation()!;
    await http.json({ ...get, scope: createScope({ viewer: null, span: operation }) }, ANY);
    operation.end();
    const [call] = exporter.getFinishedSpans().filter((s) => s.name === 'Kigo GET /wallet/tokens/:tokenId');
    expect(sent).toBe(`00-${call!.spanContext().traceId}-${call!.spanContext().spanId}-01`);
    expect(call!.parentSpanContext?.spanId).toBe(operation.spanContext().spanId);
    await tracing.shutdown();
  });
});
