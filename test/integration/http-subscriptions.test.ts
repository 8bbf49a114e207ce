/**
 * Subscriptions over HTTP on /graphql, with the real clients: graphql-sse's client (GraphQL over SSE,
 * distinct connections) and Apollo Client's HttpLink (multipart subscriptions). Same auth, owner check
 * and one poller per request key as graphql-ws; a subscription POSTed as plain JSON is told how to subscribe.
 */
import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { createClient as createSseClient } from 'graphql-sse';
import { print } from 'graphql';
import { App2AppRequestUpdatesDocument, type App2AppRequestUpdatesSubscription } from '../generated/graphql';
import { app2appDetails, eventually, prepareRequest, resultPolls, wallet } from '../helpers/app2app';
import { startStack, subscribe, type Stack } from '../helpers/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: { APP2APP_POLL_INTERVAL_MS: '50' } });
});
afterAll(() => stack.stop());

type Result = { data?: App2AppRequestUpdatesSubscription | null; errors?: any[] };
const statusOf = (r: Result) => r.data?.app2appRequest.status ?? r.errors?.[0]?.extensions?.code;

/** One subscription's results as they arrive, and how it ended. */
function collector() {
  const results: Result[] = [];
  let settle!: (end: { error?: unknown }) => void;
  const ended = new Promise<{ error?: unknown }>((resolve) => (settle = resolve));
  return {
    results,
    ended,
    sink: { next: (r: Result) => void results.push(r), error: (error: unknown) => settle({ error }), complete: () => settle({}) },
    async waitFor(count: number) {
      await eventually(() => expect(results.length).toBeGreaterThanOrEqual(count), 10_000);
    },
  };
}

async function sseSubscribe(token: string | undefined, requestKey: string) {
  const requests: string[] = [];
  const client = createSseClient({
    url: stack.graphqlUrl,
    singleConnection: false,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    fetchFn: (input: Parameters<typeof fetch>[0], init?: RequestInit) => (requests.push(String(init?.method)), fetch(input, init)),
  });
  const c = collector();
  const unsubscribe = client.subscribe({ query: print(App2AppRequestUpdatesDocument), variables: { requestKey } }, c.sink as never);
  return { ...c, requests, unsubscribe, dispose: () => client.dispose() };
}

/** Apollo Client 4 delivers a subscription's errors as a result with `error`, then completes. */
function apolloSubscribe(token: string, requestKey: string) {
  const client = new ApolloClient({ link: new HttpLink({ uri: stack.graphqlUrl, headers: { authorization: `Bearer ${token}` } }), cache: new InMemoryCache() });
  const c = collector();
  const errors: unknown[] = [];
  const subscription = client.subscribe({ query: App2AppRequestUpdatesDocument, variables: { requestKey } }).subscribe({
    next: ({ data, error }) => (error ? errors.push(error) : c.sink.next({ data })),
    error: c.sink.error,
    complete: c.sink.complete,
  });
  return { ...c, errors, unsubscribe: () => subscription.unsubscribe() };
}

describe('GraphQL over SSE (graphql-sse client)', () => {
  it('sends the state now, then each change, and completes after COMPLETED', async () => {
    const request = await prepareRequest(stack, 'sse-alice');
    const updates = await sseSubscribe(await stack.token('sse-alice'), request.requestKey);
    await updates.waitFor(1);
    await wallet(stack, request.requestKey).open();
    await updates.waitFor(2);
    await wallet(stack, request.requestKey).approve();
    expect(await updates.ended).toEqual({});
    expect(updates.results.map(statusOf)).toEqual(['PREPARED', 'REQUESTED', 'COMPLETED']);
    expect(updates.results[2]!.data!.app2appRequest.result!.klaytnAddress).toMatch(/^0xa11ce/);
    expect(stack.logs()).toMatch(/"operation":"App2AppRequestUpdates","type":"subscription","transport":"sse","outcome":"ok"/);
  });

  it("answers NOT_FOUND for someone else's request", async () => {
    const request = await prepareRequest(stack, 'sse-owner');
    const intruder = await sseSubscribe(await stack.token('sse-intruder'), request.requestKey);
    expect(await intruder.ended).toEqual({});
    expect(intruder.results).toEqual([{ errors: [expect.objectContaining({ path: ['app2appRequest'], extensions: { code: 'NOT_FOUND' } })] }]);
  });

  it('answers a missing or bad token in the stream, at once and without retries', async () => {
    for (const token of [undefined, 'not-a-jwt']) {
      const started = Date.now();
      const refused = await sseSubscribe(token, 'any-key');
      expect(await refused.ended).toEqual({});
      expect(refused.results).toEqual([{ errors: [expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } })] }]);
      expect(refused.requests).toEqual(['POST']);
      expect(Date.now() - started).toBeLessThan(1_000);
    }
  });

  it('answers variables that do not coerce as BAD_USER_INPUT, in the stream', async () => {
    const client = createSseClient({ url: stack.graphqlUrl, headers: { authorization: `Bearer ${await stack.token('sse-vars')}` } });
    const c = collector();
    client.subscribe({ query: print(App2AppRequestUpdatesDocument), variables: { requestKey: 42 } }, c.sink as never);
    expect(await c.ended).toEqual({});
    expect(c.results).toEqual([{ errors: [expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } })] }]);
    expect(stack.logs()).not.toMatch(/unexpected error/);
  });

  it('stops following the request when the client goes away', async () => {
    const request = await prepareRequest(stack, 'sse-leaver');
    const updates = await sseSubscribe(await stack.token('sse-leaver'), request.requestKey);
    await updates.waitFor(1);
    await eventually(async () => expect((await app2appDetails(stack)).app2appActivePollers).toBeGreaterThanOrEqual(1));
    updates.unsubscribe();
    await eventually(async () => expect(await app2appDetails(stack)).toMatchObject({ app2appActivePollers: 0, app2appSubscriptions: 0 }));
  });
});

describe("multipart subscriptions (Apollo Client's HttpLink)", () => {
  it('sends the state now, then each change, and completes after COMPLETED', async () => {
    const request = await prepareRequest(stack, 'mp-alice');
    const updates = apolloSubscribe(await stack.token('mp-alice'), request.requestKey);
    await updates.waitFor(1);
    await wallet(stack, request.requestKey).open();
    await updates.waitFor(2);
    await wallet(stack, request.requestKey).approve();
    expect(await updates.ended).toEqual({});
    expect(updates.results.map(statusOf)).toEqual(['PREPARED', 'REQUESTED', 'COMPLETED']);
    expect(stack.logs()).toMatch(/"operation":"App2AppRequestUpdates","type":"subscription","transport":"multipart","outcome":"ok"/);
  });

  it("answers NOT_FOUND for someone else's request", async () => {
    const request = await prepareRequest(stack, 'mp-owner');
    const intruder = apolloSubscribe(await stack.token('mp-intruder'), request.requestKey);
    expect(await intruder.ended).toEqual({});
    expect(intruder.results).toEqual([]);
    expect(intruder.errors).toEqual([expect.objectContaining({ name: 'CombinedGraphQLErrors', errors: [expect.objectContaining({ extensions: { code: 'NOT_FOUND' } })] })]);
  });

  it('answers a bad token as a GraphQL error before any stream (401)', async () => {
    const refused = apolloSubscribe('not-a-jwt', 'any-key');
    expect(await refused.ended).toEqual({});
    expect(refused.errors).toEqual([expect.objectContaining({ name: 'CombinedGraphQLErrors', errors: [expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } })] })]);
    const raw = await fetch(stack.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'multipart/mixed;subscriptionSpec=1.0,application/json', authorization: 'Bearer not-a-jwt' },
      body: JSON.stringify({ query: print(App2AppRequestUpdatesDocument), variables: { requestKey: 'any-key' } }),
    });
    expect(raw.status).toBe(401);
  });

  it('ends with a transport error when the token expires, and stops following the request', async () => {
    const request = await prepareRequest(stack, 'mp-expiring');
    const updates = apolloSubscribe(await stack.token('mp-expiring', { expiresIn: '2s' }), request.requestKey);
    await updates.waitFor(1);
    expect(await updates.ended).toEqual({});
    expect(updates.results.map(statusOf)).toEqual(['PREPARED']);
    expect(updates.errors).toEqual([expect.objectContaining({ name: 'CombinedProtocolErrors', errors: [expect.objectContaining({ message: 'Token expired', extensions: { code: 'UNAUTHENTICATED' } })] })]);
    await eventually(async () => expect(await app2appDetails(stack)).toMatchObject({ app2appActivePollers: 0, app2appSubscriptions: 0 }));
  });

  it('frames parts as Apollo Router does: the boundary after each part, and the closing delimiter at the end', async () => {
    const request = await prepareRequest(stack, 'mp-raw');
    const res = await fetch(stack.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'multipart/mixed;subscriptionSpec="1.0", application/json', authorization: `Bearer ${await stack.token('mp-raw')}` },
      body: JSON.stringify({ query: 'subscription ($k: String!) { app2appRequest(requestKey: $k) { status } }', variables: { k: request.requestKey } }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('multipart/mixed;boundary="graphql";subscriptionSpec="1.0"');
    const reader = res.body!.getReader();
    let text = '';
    const readUntil = async (needle: string) => {
      while (!text.includes(needle)) {
        const { done, value } = await reader.read();
        if (done) throw new Error(`the stream ended before ${JSON.stringify(needle)}: ${JSON.stringify(text)}`);
        text += new TextDecoder().decode(value);
      }
    };
    await readUntil('PREPARED"}}}}\r\n--graphql');
    await wallet(stack, request.requestKey).approve();
    await readUntil('--graphql--\r\n');
    expect(text).toBe(
      '\r\n--graphql' +
        '\r\ncontent-type: application/json; charset=utf-8\r\n\r\n{"payload":{"data":{"app2appRequest":{"status":"PREPARED"}}}}\r\n--graphql' +
        '\r\ncontent-type: application/json; charset=utf-8\r\n\r\n{"payload":{"data":{"app2appRequest":{"status":"COMPLETED"}}}}\r\n--graphql' +
        '--\r\n',
    );
  });
});

describe('one poller per request key, whatever the transports', () => {
  it('serves graphql-ws, SSE and multipart subscribers of one key from one poller', async () => {
    const request = await prepareRequest(stack, 'fan-out');
    const token = await stack.token('fan-out');
    const ws = subscribe<App2AppRequestUpdatesSubscription>(stack.wsClient({ sub: 'fan-out' }), App2AppRequestUpdatesDocument, { requestKey: request.requestKey });
    const sse = await sseSubscribe(token, request.requestKey);
    const multipart = apolloSubscribe(token, request.requestKey);
    await Promise.all([ws.waitFor(1), sse.waitFor(1), multipart.waitFor(1)]);
    expect(await app2appDetails(stack)).toMatchObject({ app2appActivePollers: 1, app2appWatchedKeys: 1 });

    const pollsBefore = await resultPolls(stack);
    await new Promise((resolve) => setTimeout(resolve, 500));
    // 50 ms apart: one poller makes about 10 polls in 500 ms; three would make about 30.
    expect((await resultPolls(stack)) - pollsBefore).toBeLessThan(16);

    await wallet(stack, request.requestKey).approve();
    await Promise.all([ws.done, sse.ended, multipart.ended]);
    for (const events of [ws.events, sse.results, multipart.results]) expect(events.map(statusOf)).toEqual(['PREPARED', 'COMPLETED']);
  });
});

describe('a subscription POSTed as plain JSON', () => {
  it('is a 400 naming the ways to subscribe, without a stack trace', async () => {
    const res = await stack.gql('subscription { app2appRequest(requestKey: "any") { status } }', undefined, { sub: 'plain-json' });
    expect(res.status).toBe(400);
    expect(res.errors).toEqual([{ message: expect.stringMatching(/graphql-ws.*text\/event-stream.*multipart\/mixed;subscriptionSpec=1\.0/s), extensions: { code: 'BAD_REQUEST' } }]);
  });
});
