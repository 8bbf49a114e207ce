/** Every way a viewer token is accepted or rejected, over HTTP and over graphql-ws. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type KeyLike } from 'jose';
import WebSocket from 'ws';
import { signViewerToken } from '../../src/auth/tokens';
import { startStack, type Stack } from '../helpers/stack';

const VIEWER = '{ viewer { id } }';

describe('viewer tokens over HTTP', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.stop());

  async function rejected(headers: Record<string, string>) {
    const res = await stack.gql(VIEWER, undefined, { headers });
    expect(res.status).toBe(401);
    expect(res.data).toBeUndefined();
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect(res.errors![0]!.extensions!.stacktrace).toBeUndefined();
    return res.errors![0]!.message;
  }

  it('accepts a valid token and answers the viewer', async () => {
    const res = await stack.gql(VIEWER, undefined, { sub: 'alice' });
    expect(res.status).toBe(200);
    expect(Buffer.from(res.data.viewer.id, 'base64url').toString()).toBe('Viewer:alice');
  });

  it('rejects a missing token', async () => {
    expect(await rejected({})).toMatch(/Missing bearer token/);
  });

  it('rejects a header that is not "Bearer <token>"', async () => {
    expect(await rejected({ authorization: `Token ${await stack.token('alice')}` })).toMatch(/Malformed Authorization header/);
  });

  it('rejects a token that is not a JWT', async () => {
    expect(await rejected({ authorization: 'Bearer not-a-jwt' })).toMatch(/malformed/);
  });

  it('rejects a token signed with another secret', async () => {
    const forged = await signViewerToken('another-secret-another-secret-another', 'alice');
    expect(await rejected({ authorization: `Bearer ${forged}` })).toMatch(/signature is invalid/);
  });

  it('rejects an expired token', async () => {
    const expired = await signViewerToken(stack.secret, 'alice', { expiresIn: Math.floor(Date.now() / 1000) - 60 });
    expect(await rejected({ authorization: `Bearer ${expired}` })).toBe('Token expired');
  });

  it('rejects an unsigned token (alg none)', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ sub: 'alice', exp: Math.floor(Date.now() / 1000) + 600 })).toString('base64url');
    expect(await rejected({ authorization: `Bearer ${header}.${payload}.` })).toMatch(/Token/);
  });

  const sign = (claims: Record<string, unknown>) =>
    new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('alice').sign(new TextEncoder().encode(stack.secret));
  const now = () => Math.floor(Date.now() / 1000);

  it('rejects a token without an expiry (exp)', async () => {
    expect(await rejected({ authorization: `Bearer ${await sign({ iat: now() })}` })).toBe('Token has no expiry (exp): tokens must expire');
  });

  it('rejects a token that would live 100 years, and one without iat that would live a week from now', async () => {
    expect(await rejected({ authorization: `Bearer ${await sign({ iat: now(), exp: now() + 100 * 365 * 86_400 })}` })).toMatch(
      /^Token lives too long: 3153600000 s, at most 86400 s \(AUTH_MAX_TOKEN_LIFETIME_SECONDS\)$/,
    );
    expect(await rejected({ authorization: `Bearer ${await sign({ exp: now() + 7 * 86_400 })}` })).toMatch(/^Token lives too long/);
  });

  it('rejects a token issued a year in the future, and accepts one a few seconds ahead (clock skew)', async () => {
    expect(await rejected({ authorization: `Bearer ${await sign({ iat: now() + 365 * 86_400, exp: now() + 365 * 86_400 + 3600 })}` })).toBe(
      'Token is issued in the future (iat): check the issuer’s clock',
    );
    const skewed = await sign({ iat: now() + 5, exp: now() + 3600 });
    expect((await stack.gql(VIEWER, undefined, { token: skewed })).status).toBe(200);
  });

  it('accepts what `npm run token` and the demo token sign: 12 h and 24 h', async () => {
    for (const expiresIn of ['12h', '86400s']) {
      expect((await stack.gql(VIEWER, undefined, { token: await signViewerToken(stack.secret, 'alice', { expiresIn }) })).status).toBe(200);
    }
  });

  it('rejects a token without a subject', async () => {
    const token = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('1h').sign(new TextEncoder().encode(stack.secret));
    expect(await rejected({ authorization: `Bearer ${token}` })).toMatch(/no subject/);
  });

  it('answers introspection without a token (Apollo Sandbox loads the schema that way)', async () => {
    const res = await stack.gql('{ __schema { queryType { name } } }');
    expect(res.status).toBe(200);
    expect(res.data.__schema.queryType.name).toBe('Query');
  });

  it('rejects a bad token even for introspection', async () => {
    expect(await rejected({ authorization: 'Bearer not-a-jwt' })).toMatch(/malformed/);
  });

  it('never logs the token', async () => {
    const token = await stack.token('alice');
    await stack.gql(VIEWER, undefined, { token });
    expect(stack.logs()).not.toContain(token);
    expect(stack.logs()).not.toContain(token.split('.')[2]);
  });
});

describe('issuer and audience, when configured', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: { AUTH_ISSUER: 'https://id.example', AUTH_AUDIENCE: 'rewardgraph' } });
  });
  afterAll(() => stack.stop());

  it('accepts a token with both and rejects one without', async () => {
    const good = await signViewerToken(stack.secret, 'alice', { issuer: 'https://id.example', audience: 'rewardgraph' });
    expect((await stack.gql(VIEWER, undefined, { token: good })).data.viewer.id).toBeDefined();
    const noIssuer = await signViewerToken(stack.secret, 'alice', { audience: 'rewardgraph' });
    const res = await stack.gql(VIEWER, undefined, { token: noIssuer });
    expect(res.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect(res.errors![0]!.message).toMatch(/iss claim/);
    const otherAudience = await signViewerToken(stack.secret, 'alice', { issuer: 'https://id.example', audience: 'someone-else' });
    expect((await stack.gql(VIEWER, undefined, { token: otherAudience })).errors![0]!.message).toMatch(/aud claim/);
  });
});

describe('keys from AUTH_JWKS_URL', () => {
  let stack: Stack;
  let jwks: http.Server;
  let privateKey: KeyLike;
  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    jwks = http.createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const { port } = jwks.address() as AddressInfo;
    stack = await startStack({ env: { AUTH_JWKS_URL: `http://127.0.0.1:${port}/jwks.json` } });
  });
  afterAll(async () => {
    await stack.stop();
    await new Promise((resolve) => jwks.close(resolve));
  });

  it('accepts a token signed by a published key and rejects a shared-secret one', async () => {
    const token = await new SignJWT({ roles: ['admin'] }).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setSubject('carol').setExpirationTime('5m').sign(privateKey);
    const ok = await stack.gql(VIEWER, undefined, { token });
    expect(Buffer.from(ok.data.viewer.id, 'base64url').toString()).toBe('Viewer:carol');
    const hs = await signViewerToken(stack.secret, 'carol');
    expect((await stack.gql(VIEWER, undefined, { token: hs })).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });
});

describe('viewer tokens over graphql-ws', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.stop());

  /** Opens a raw graphql-transport-ws socket, sends connection_init, and reports ack and close. */
  function connect(payload: Record<string, unknown> | undefined) {
    const socket = new WebSocket(stack.graphqlUrl.replace(/^http/, 'ws'), 'graphql-transport-ws');
    const acked = new Promise<boolean>((resolve) => {
      socket.on('message', (data) => resolve(JSON.parse(String(data)).type === 'connection_ack'));
      socket.on('close', () => resolve(false));
    });
    const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: String(reason) })));
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload })));
    return { socket, acked, closed };
  }

  it('acknowledges a connection with a valid token', async () => {
    const c = connect({ authorization: `Bearer ${await stack.token('alice')}` });
    expect(await c.acked).toBe(true);
    c.socket.close();
  });

  it.each([
    ['no payload', undefined],
    ['no authorization', {}],
    ['a malformed value', { authorization: 'alice' }],
    ['a forged token', { authorization: `Bearer ${'x'.repeat(20)}.${'y'.repeat(20)}.${'z'.repeat(20)}` }],
  ])('closes with 4403 for %s', async (_name, payload) => {
    const c = connect(payload);
    expect(await c.closed).toMatchObject({ code: 4403 });
  });

  it.each([
    ['no authorization', {}, 'Missing bearer token: send {"authorization": "Bearer <JWT>"} in connection_init'],
    ['a malformed value', { authorization: 'alice' }, "connection_init authorization: Malformed Authorization header: expected 'Bearer <token>'"],
  ])('says why in the 4403 close reason, as HTTP would: %s', async (_name, payload, reason) => {
    expect(await connect(payload).closed).toEqual({ code: 4403, reason });
  });

  it('closes with 4403 "Token expired" for an expired token', async () => {
    const expired = await signViewerToken(stack.secret, 'alice', { expiresIn: Math.floor(Date.now() / 1000) - 5 });
    expect(await connect({ authorization: `Bearer ${expired}` }).closed).toEqual({ code: 4403, reason: 'connection_init authorization: Token expired' });
  });

  it('closes with 4403 for a token that lives too long', async () => {
    const long = await signViewerToken(stack.secret, 'alice', { expiresIn: '30d' });
    expect(await connect({ authorization: `Bearer ${long}` }).closed).toMatchObject({ code: 4403, reason: expect.stringMatching(/^connection_init authorization: Token lives too long/) });
  });

  it('closes an open socket with 4403 when its token expires', async () => {
    const shortLived = await signViewerToken(stack.secret, 'alice', { expiresIn: Math.floor(Date.now() / 1000) + 2 });
    const c = connect({ authorization: `Bearer ${shortLived}` });
    expect(await c.acked).toBe(true);
    const started = Date.now();
    expect(await c.closed).toEqual({ code: 4403, reason: 'Token expired' });
    expect(Date.now() - started).toBeLessThan(3_500);
  });

  it('counts open websocket connections in /metrics', async () => {
    const gauge = async () => Number(/^websocket_connections (\d+)/m.exec(await (await fetch(`${stack.baseUrl}/metrics`)).text())![1]);
    const before = await gauge();
    const c = connect({ authorization: `Bearer ${await stack.token('alice')}` });
    await c.acked;
    expect(await gauge()).toBe(before + 1);
    c.socket.close();
    await c.closed;
    await new Promise((r) => setTimeout(r, 50));
    expect(await gauge()).toBe(before);
  });
});
