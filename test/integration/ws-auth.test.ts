/**
 * The websocket token in every shape graphql-ws clients send it, and a refusal (close 4403) whose
 * reason says what is wrong, which a client told not to retry 4403 surfaces at once.
 */
import { CloseCode, createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { MISSING_TOKEN_REASON } from '../../src/operation/connection-auth';
import { App2AppRequestUpdatesDocument } from '../generated/graphql';
import { prepareRequest } from '../helpers/app2app';
import { startStack, subscribe, type Stack } from '../helpers/stack';

let stack: Stack;
const clients: Client[] = [];
beforeAll(async () => {
  stack = await startStack();
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
});
afterAll(() => stack.stop());

/** A ws constructor that sends `authorization` on the upgrade request, as a server-side client can. */
function webSocketWithHeader(authorization: string | undefined): typeof WebSocket {
  return class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, authorization === undefined ? {} : { headers: { authorization } });
    }
  } as typeof WebSocket;
}

/** A client that surfaces a refused token instead of retrying it (the README's options). */
function client(connectionParams: Record<string, unknown>, upgradeAuthorization?: string): { client: Client; closes: Array<{ code: number; reason: string }> } {
  const closes: Array<{ code: number; reason: string }> = [];
  const c = createClient({
    url: stack.graphqlUrl.replace(/^http/, 'ws'),
    webSocketImpl: webSocketWithHeader(upgradeAuthorization),
    connectionParams,
    shouldRetry: (event) => (event as { code?: number }).code !== CloseCode.Forbidden,
    on: { closed: (event) => void closes.push(event as { code: number; reason: string }) },
  });
  clients.push(c);
  return { client: c, closes };
}

describe('accepted shapes', () => {
  const shapes: Array<[string, (jwt: string) => Record<string, unknown>, ((jwt: string) => string) | undefined]> = [
    ['{authorization: "Bearer …"}', (jwt) => ({ authorization: `Bearer ${jwt}` }), undefined],
    ['{Authorization: "Bearer …"}', (jwt) => ({ Authorization: `Bearer ${jwt}` }), undefined],
    ['{headers: {authorization}}', (jwt) => ({ headers: { authorization: `Bearer ${jwt}` } }), undefined],
    ['{headers: {Authorization}}', (jwt) => ({ headers: { Authorization: `Bearer ${jwt}` } }), undefined],
    ['{token} (bare)', (jwt) => ({ token: jwt }), undefined],
    ['{token} (with Bearer)', (jwt) => ({ token: `Bearer ${jwt}` }), undefined],
    ["the upgrade request's Authorization header", () => ({}), (jwt) => `Bearer ${jwt}`],
  ];

  it.each(shapes)('%s', async (_label, params, header) => {
    const request = await prepareRequest(stack, 'ws-shapes');
    const jwt = await stack.token('ws-shapes');
    const { client: c } = client(params(jwt), header?.(jwt));
    const updates = subscribe(c, App2AppRequestUpdatesDocument, { requestKey: request.requestKey });
    await updates.waitFor(1);
    expect(updates.events[0]).toMatchObject({ data: { app2appRequest: { status: 'PREPARED' } } });
  });
});

describe('refusals', () => {
  async function refusal(params: Record<string, unknown>, header?: string) {
    const { client: c, closes } = client(params, header);
    const started = Date.now();
    const { error } = await subscribe(c, App2AppRequestUpdatesDocument, { requestKey: 'any' }).done;
    return { error: error as { code: number; reason: string }, closes, ms: Date.now() - started };
  }

  it.each([
    ['no token at all', {}, undefined, MISSING_TOKEN_REASON],
    ['a malformed authorization', { authorization: 'Token abc' }, undefined, "connection_init authorization: Malformed Authorization header: expected 'Bearer <token>'"],
    ['a bad token in headers', { headers: { Authorization: 'Bearer not.a.jwt' } }, undefined, 'connection_init headers.Authorization: Token is malformed'],
    ['a token signed with another key', { token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl' }, undefined, 'connection_init token: Token signature is invalid'],
    ['a bad upgrade header', {}, 'Bearer nope', 'Authorization header: Token is malformed'],
    ['a token that is not a string', { authorization: 42 }, undefined, 'connection_init authorization must be a string'],
  ])('closes with 4403 and says so for %s, at once and once', async (_label, params, header, reason) => {
    const { error, closes, ms } = await refusal(params, header);
    expect({ code: error.code, reason: error.reason }).toEqual({ code: CloseCode.Forbidden, reason });
    expect(closes).toHaveLength(1);
    expect(ms).toBeLessThan(1_000);
  });

  it('names the expired token', async () => {
    const jwt = await stack.token('ws-expired', { expiresIn: Math.floor(Date.now() / 1000) - 10 });
    const { error } = await refusal({ authorization: `Bearer ${jwt}` });
    expect({ code: error.code, reason: error.reason }).toEqual({ code: CloseCode.Forbidden, reason: 'connection_init authorization: Token expired' });
  });

  it('takes connection_init before the upgrade header', async () => {
    const request = await prepareRequest(stack, 'ws-both');
    const { client: c } = client({ authorization: `Bearer ${await stack.token('ws-both')}` }, 'Bearer stale');
    const updates = subscribe(c, App2AppRequestUpdatesDocument, { requestKey: request.requestKey });
    await updates.waitFor(1);
    expect(updates.events[0]).toMatchObject({ data: { app2appRequest: { status: 'PREPARED' } } });
  });
});
