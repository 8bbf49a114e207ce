/**
 * Per-viewer quotas (issue 10): operations per second (HTTP 429 + Retry-After), App2App prepares per
 * minute and distinct watched request keys (RATE_LIMITED on the field or subscription), subscriptions
 * per socket and sockets per viewer — shared by two instances through Redis. The probe: one viewer
 * preparing 300 requests and subscribing to all of them made 300 Klip polls a second.
 */
import WebSocket from 'ws';
import { App2AppRequestUpdatesDocument, PrepareApp2AppDocument } from '../generated/graphql';
import { app2appDetails, eventually, prepareRequest, RESULT_ROUTE } from '../helpers/app2app';
import { startStack, subscribe, type Stack } from '../helpers/stack';

describe('operations per viewer per second', () => {
  let first: Stack;
  let second: Stack;
  beforeAll(async () => {
    first = await startStack({ redis: true, postgres: true, env: { VIEWER_OPERATIONS_PER_SECOND: '5' } });
    second = await startStack({ peer: first, env: { VIEWER_OPERATIONS_PER_SECOND: '5' } });
  });
  afterAll(async () => {
    await second?.stop();
    await first?.stop();
  });

  it('allows bursts of twice the rate across instances, then answers 429 with Retry-After and no upstream call', async () => {
    const token = await first.token('busy');
    const send = (stack: Stack) => fetch(stack.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: '{ viewer { id } }' }) });
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await send(i % 2 ? second : first)).status);
    expect(statuses).toEqual(Array(10).fill(200));
    await first.control('DELETE', '/_sandbox/stats');
    const over = await send(second);
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const body = (await over.json()) as { errors: Array<{ extensions: Record<string, unknown> }> };
    expect(body.errors[0]!.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    // Another viewer is not held back by this one.
    expect((await first.gql('{ viewer { id } }', undefined, { sub: 'calm' })).status).toBe(200);
  });
});

describe('App2App quotas', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: { APP2APP_POLL_INTERVAL_MS: '100', UPSTREAM_RETRIES: '0' } });
  });
  afterAll(() => stack.stop());

  it('allows APP2APP_PREPARES_PER_MINUTE (20) prepares a minute, then RATE_LIMITED without calling Klip', async () => {
    const viewer = 'preparer';
    for (let i = 0; i < 20; i++) await prepareRequest(stack, viewer);
    await stack.control('DELETE', '/_sandbox/stats');
    const over = await stack.gql(PrepareApp2AppDocument, { input: { type: 'AUTH' } }, { sub: viewer });
    expect(over.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    expect(over.errors![0]!.path).toEqual(['prepareApp2App']);
    const { requests } = (await stack.control('GET', '/_sandbox/stats')) as { requests: Record<string, number> };
    expect(requests['POST /klip-a2a/v2/a2a/prepare'] ?? 0).toBe(0);
  });

  it('keeps a viewer who prepared 20 requests and subscribes to each at 10 pollers; 200 subscribers of one key count once', async () => {
    const viewer = 'watcher';
    const keys: string[] = [];
    for (let i = 0; i < 20; i++) keys.push((await prepareRequest(stack, viewer)).requestKey);
    const client = stack.wsClient({ sub: viewer });
    const subs = keys.map((requestKey) => subscribe(client, App2AppRequestUpdatesDocument, { requestKey }));
    await Promise.all(subs.map((s) => s.waitFor(1)));
    const watching = (s: (typeof subs)[number]) => s.events[0]?.data != null;
    // A refused subscription answers its one event with the error, then completes.
    const refused = subs.filter((s) => !watching(s));
    expect(refused).toHaveLength(10);
    for (const r of refused) expect(r.events[0]!.errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    await eventually(async () => expect((await app2appDetails(stack)).app2appActivePollers).toBe(10));

    // Klip hears about 10 keys, not 20: one poll per watched key per 100 ms interval.
    await stack.control('DELETE', '/_sandbox/stats');
    await new Promise((r) => setTimeout(r, 1_000));
    const { requests } = (await stack.control('GET', '/_sandbox/stats')) as { requests: Record<string, number> };
    expect(requests[RESULT_ROUTE]).toBeLessThanOrEqual(10 * 12);

    // More subscribers of a watched key are not more keys.
    const watched = keys.find((_, i) => watching(subs[i]!))!;
    // (Four more sockets: one holds at most WS_SUBSCRIPTIONS_PER_SOCKET, 100.)
    const others = Array.from({ length: 4 }, () => stack.wsClient({ sub: viewer }));
    const more = Array.from({ length: 200 }, (_, i) => subscribe(others[i % 4]!, App2AppRequestUpdatesDocument, { requestKey: watched }));
    await Promise.all(more.map((s) => s.waitFor(1)));
    expect((await app2appDetails(stack)).app2appActivePollers).toBe(10);

    // Ending the watches of one key frees its place for another.
    for (const [i, s] of subs.entries()) if (keys[i] === watched) s.unsubscribe();
    for (const s of more) s.unsubscribe();
    const freed = keys.find((_, i) => !watching(subs[i]!))!;
    await eventually(async () => {
      const retry = subscribe(client, App2AppRequestUpdatesDocument, { requestKey: freed });
      await retry.waitFor(1, 1_000);
      expect(retry.events[0]!.data?.app2appRequest.status).toBe('PREPARED');
    });
    await Promise.all([client, ...others].map((c) => c.dispose()));
    await eventually(async () => expect(await app2appDetails(stack)).toMatchObject({ app2appActivePollers: 0, app2appSubscriptions: 0 }));
  });
});

describe('websocket quotas', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: { WS_SUBSCRIPTIONS_PER_SOCKET: '3', WS_SOCKETS_PER_VIEWER: '2' } });
  });
  afterAll(() => stack.stop());

  it('refuses a subscription over WS_SUBSCRIPTIONS_PER_SOCKET with RATE_LIMITED, keeping the others', async () => {
    const keys = await Promise.all(Array.from({ length: 4 }, () => prepareRequest(stack, 'sockets').then((r) => r.requestKey)));
    const client = stack.wsClient({ sub: 'sockets' });
    const subs = keys.slice(0, 3).map((requestKey) => subscribe(client, App2AppRequestUpdatesDocument, { requestKey }));
    await Promise.all(subs.map((s) => s.waitFor(1)));
    const fourth = await subscribe(client, App2AppRequestUpdatesDocument, { requestKey: keys[3] }).done;
    expect((fourth.error as Array<{ extensions: Record<string, unknown> }>)[0]!.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    for (const s of subs) expect(s.events).toHaveLength(1);
    await client.dispose();
  });

  it('closes a socket over WS_SOCKETS_PER_VIEWER with 1013 and says why; another viewer may connect', async () => {
    const token = await stack.token('many-sockets');
    const open = (authorization: string) => {
      const socket = new WebSocket(stack.graphqlUrl.replace(/^http/, 'ws'), 'graphql-transport-ws');
      const outcome = new Promise<{ acked: boolean; code?: number; reason?: string }>((resolve) => {
        socket.on('message', (data) => JSON.parse(String(data)).type === 'connection_ack' && resolve({ acked: true }));
        socket.on('close', (code, reason) => resolve({ acked: false, code, reason: String(reason) }));
      });
      socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization } })));
      return { socket, outcome };
    };
    const sockets = [open(`Bearer ${token}`), open(`Bearer ${token}`)];
    for (const s of sockets) expect(await s.outcome).toEqual({ acked: true });
    expect(await open(`Bearer ${token}`).outcome).toEqual({ acked: false, code: 1013, reason: 'Too many open websockets for this viewer (at most 2)' });
    const other = open(`Bearer ${await stack.token('someone-else')}`);
    expect(await other.outcome).toEqual({ acked: true });
    // A closed socket gives its place back.
    sockets[0]!.socket.close();
    await eventually(async () => expect(await open(`Bearer ${token}`).outcome).toEqual({ acked: true }));
    for (const s of [...sockets, other]) s.socket.close();
  });
});
