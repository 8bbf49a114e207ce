/**
 * OpenTelemetry traces (issue 13): a span per operation — named, with its type, a hash of the viewer,
 * its outcome — and a child span per upstream call with provider, route template, status and retries,
 * continuing a client's `traceparent`; the trace id in the operation's log line. Captured with the
 * SDK's in-memory exporter.
 */
import { createHash } from 'node:crypto';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { App2AppRequestUpdatesDocument } from '../generated/graphql';
import { prepareRequest } from '../helpers/app2app';
import { startStack, subscribe, type Stack } from '../helpers/stack';

const exporter = new InMemorySpanExporter();
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ traceExporter: exporter, env: { UPSTREAM_RETRIES: '2' } });
});
afterAll(() => stack.stop());
beforeEach(() => exporter.reset());
afterEach(() => stack.control('DELETE', '/_sandbox/faults'));

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const byName = (name: string): ReadableSpan[] => exporter.getFinishedSpans().filter((s) => s.name === name);
const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;

it('records the operation and each upstream call under it, continuing the caller’s traceparent', async () => {
  await stack.gql('query Warm { viewer { tokens(first: 1) { totalCount } } }', undefined, { sub: 'alice' });
  exporter.reset();
  const res = await stack.gql('query Wallet { viewer { tokens(first: 2) { totalCount } } }', undefined, {
    sub: 'alice',
    headers: { traceparent: `00-${TRACE_ID}-00f067aa0ba902b7-01` },
  });
  expect(res.errors).toBeUndefined();
  const [operation] = byName('query Wallet');
  expect(operation).toBeDefined();
  expect(operation!.spanContext().traceId).toBe(TRACE_ID);
  expect(operation!.attributes).toMatchObject({
    'graphql.operation.name': 'Wallet',
    'graphql.operation.type': 'query',
    'graphql.outcome': 'ok',
    'rewardgraph.transport': 'http',
    'enduser.id_hash': createHash('sha256').update('alice').digest('hex').slice(0, 16),
  });
  expect(JSON.stringify(operation!.attributes)).not.toContain('alice');
  const [upstream] = byName('Kigo GET /wallet/tokens');
  expect(upstream!.attributes).toMatchObject({ 'upstream.provider': 'KIGO', 'upstream.route': '/wallet/tokens', 'http.request.method': 'GET', 'http.response.status_code': 200, 'upstream.retries': 0 });
  expect(upstream!.spanContext().traceId).toBe(TRACE_ID);
  expect(parentOf(upstream!)).toBe(operation!.spanContext().spanId);
  // The log line of the operation carries its trace id.
  expect(stack.logs()).toMatch(new RegExp(`"operation":"Wallet".*"traceId":"${TRACE_ID}"`));
});

it('counts the transport’s retries of an upstream call and marks a failed operation', async () => {
  await stack.control('POST', '/_sandbox/faults', { provider: 'kigo', method: 'GET', path: '/wallet/tokens$', status: 503, times: 1 });
  expect((await stack.gql('query Retried { viewer { tokens(first: 1) { totalCount } } }', undefined, { sub: 'alice' })).errors).toBeUndefined();
  expect(byName('Kigo GET /wallet/tokens')[0]!.attributes).toMatchObject({ 'upstream.retries': 1, 'http.response.status_code': 200 });

  await stack.control('POST', '/_sandbox/faults', { provider: 'kigo', method: 'GET', path: '/wallet/tokens$', status: 503 });
  const failed = await stack.gql('query Failing { viewer { tokens(first: 1) { totalCount } } }', undefined, { sub: 'alice' });
  expect(failed.errors?.[0]?.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
  const [operation] = byName('query Failing');
  expect(operation!.attributes['graphql.outcome']).toBe('UPSTREAM_UNAVAILABLE');
  expect(operation!.status.code).toBe(2);
  expect(byName('Kigo GET /wallet/tokens').at(-1)!.attributes).toMatchObject({ 'http.response.status_code': 503, 'upstream.retries': 2 });
});

it('records a subscription over graphql-ws as it starts', async () => {
  const request = await prepareRequest(stack, 'traced');
  const client = stack.wsClient({ sub: 'traced' });
  const updates = subscribe(client, App2AppRequestUpdatesDocument, { requestKey: request.requestKey });
  await updates.waitFor(1);
  const [operation] = byName('subscription App2AppRequestUpdates');
  expect(operation!.attributes).toMatchObject({ 'graphql.operation.type': 'subscription', 'rewardgraph.transport': 'ws', 'graphql.outcome': 'ok' });
  await client.dispose();
});

it('keeps nothing when sampled out, and nothing at all with tracing off', async () => {
  const sampledOut = new InMemorySpanExporter();
  const none = await startStack({ sandbox: stack.sandbox, traceExporter: sampledOut, env: { OTEL_TRACES_SAMPLER_ARG: '0' } });
  try {
    expect((await none.gql('query Quiet { viewer { tokens(first: 1) { totalCount } } }', undefined, { sub: 'alice' })).errors).toBeUndefined();
    expect(sampledOut.getFinishedSpans()).toEqual([]);
    expect(none.logs()).not.toContain('"traceId"');
  } finally {
    await none.stop();
  }
  expect(stack.gateway.services.tracing.enabled).toBe(true);
});
