/**
 * The compiled programs as an operator runs them: `npm run build` once, then `node dist/src/main.js`
 * (npm start), `node dist/sandbox/main.js` (npm run sandbox) and `node dist/src/scripts/token.js`
 * (npm run token) as child processes with a minimal environment, ports 0 and a fresh DATA_DIR each.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { jwtVerify } from 'jose';
import WebSocket from 'ws';
import { build, killAll, minimalEnv, REPO_ROOT, removeTempDirs, runNode, spawnNode, tempDir, withTimeout, type Child } from '../helpers/process';

jest.setTimeout(30_000);

const MAIN = 'dist/src/main.js';
const SANDBOX = 'dist/sandbox/main.js';
const TOKEN = 'dist/src/scripts/token.js';
const UPSTREAM_VARS = ['KIGO_BASE_URL', 'KLIP_API_URL', 'KLIP_A2A_URL', 'XOXODAY_BASE_URL'] as const;
const INTROSPECTION = '{ __schema { queryType { name } } }';

beforeAll(() => build(90_000), 120_000);
afterEach(() => killAll());
afterAll(async () => {
  await killAll();
  removeTempDirs();
});

interface Main {
  child: Child;
  /** `http://127.0.0.1:port` */
  baseUrl: string;
  graphqlUrl: string;
  /** The printed demo token (without "Bearer "). */
  token: string;
  /** The printed embedded sandbox URL, if one was printed. */
  sandboxUrl?: string;
}

/** Starts `node dist/src/main.js` and reads what it prints. */
async function startMain(vars: Record<string, string> = {}): Promise<Main> {
  const child = spawnNode(MAIN, [], minimalEnv({ PORT: '0', SANDBOX_PORT: '0', DATA_DIR: tempDir(), ...vars }));
  // The banner is one write that ends with the token line, so once that is there the banner is whole.
  const [, token] = await child.waitForOutput(/^Authorization: Bearer (\S+)$/m);
  const [, graphqlUrl] = /rewardgraph ready at (http:\/\/\S+\/graphql)\s*$/m.exec(child.stdout()) ?? [];
  expect(graphqlUrl).toBeDefined();
  const sandboxUrl = /^embedded sandbox .* at (http:\/\/[^\s/]+)/m.exec(child.stdout())?.[1];
  return { child, graphqlUrl: graphqlUrl!, baseUrl: graphqlUrl!.replace(/\/graphql$/, ''), token: token!, sandboxUrl };
}

interface SandboxProcess {
  child: Child;
  url: string;
  baseUrls: Record<'kigo' | 'klip' | 'klip-a2a' | 'xoxoday', string>;
}

/** Starts `node dist/sandbox/main.js` on an ephemeral port and reads its URLs. */
async function startSandboxProcess(): Promise<SandboxProcess> {
  const child = spawnNode(SANDBOX, [], minimalEnv({ SANDBOX_PORT: '0' }));
  await child.waitForOutput(/^\s*control\s+\S+/m);
  const out = child.stdout();
  const url = /rewardgraph sandbox on (http:\/\/\S+)/.exec(out)?.[1];
  const line = (name: string): string => new RegExp(`^\\s*${name}\\s+(http://\\S+)\\s*$`, 'm').exec(out)?.[1] ?? `(no ${name} line)`;
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  return { child, url: url!, baseUrls: { kigo: line('kigo'), klip: line('klip'), 'klip-a2a': line('klip-a2a'), xoxoday: line('xoxoday') } };
}

async function gql(url: string, query: string, token?: string): Promise<{ status: number; body: any }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(10_000),
  });
  return { status: res.status, body: await res.json() };
}

/** `viewer { id }` as the token's holder, decoded: "Viewer:<sub>". */
async function viewerOf(graphqlUrl: string, token: string): Promise<string> {
  const { status, body } = await gql(graphqlUrl, '{ viewer { id } }', token);
  expect({ status, errors: body.errors }).toEqual({ status: 200, errors: undefined });
  return Buffer.from(body.data.viewer.id as string, 'base64url').toString('utf8');
}

function get(url: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { headers, signal: AbortSignal.timeout(10_000) });
}

/** A graphql-transport-ws socket past `connection_ack`, and a promise of its close code. */
async function openAcknowledgedSocket(graphqlUrl: string, token: string): Promise<{ socket: WebSocket; closed: Promise<{ code: number; reason: string }> }> {
  const socket = new WebSocket(graphqlUrl.replace(/^http/, 'ws'), 'graphql-transport-ws');
  const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  const acked = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no connection_ack within 5 s')), 5_000);
    socket.on('message', (data) => {
      if (JSON.parse(data.toString()).type === 'connection_ack') {
        clearTimeout(timer);
        resolve();
      }
    });
    socket.once('error', (err) => (clearTimeout(timer), reject(err)));
    void closed.then(({ code, reason }) => (clearTimeout(timer), reject(new Error(`closed before connection_ack: ${code} ${reason}`))));
  });
  socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
  await acked;
  return { socket, closed };
}

/**
 * A POST whose headers the server has already taken (it answered `100 Continue`, which Node does
 * right before emitting 'request'), with the body held back until `send()`: an in-flight request at a
 * moment the test chooses, without guessing at timings.
 */
async function startHeldRequest(graphqlUrl: string, query: string): Promise<{ send(): Promise<{ status: number; body: any }> }> {
  const body = JSON.stringify({ query });
  const req = http.request(graphqlUrl, {
    method: 'POST',
    agent: false,
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), expect: '100-continue' },
  });
  const response = new Promise<{ status: number; body: any }>((resolve, reject) => {
    req.once('error', reject);
    req.once('response', (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.once('error', reject);
      res.once('end', () => {
        try {
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) });
        } catch {
          reject(new Error(`not JSON (HTTP ${res.statusCode}): ${text}`));
        }
      });
    });
  });
  response.catch(() => undefined); // observed by send(); avoid an unhandled rejection before that
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no 100 Continue within 5 s')), 5_000);
    req.once('continue', () => (clearTimeout(timer), resolve()));
    req.once('error', (err) => (clearTimeout(timer), reject(err)));
    req.flushHeaders();
  });
  return {
    send() {
      req.end(body);
      return response;
    },
  };
}

describe('npm start on the embedded default', () => {
  it('starts the sandbox in-process and serves the demo token, health, readiness, metrics and Apollo Sandbox', async () => {
    const main = await startMain();

    expect(main.sandboxUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await get(`${main.sandboxUrl}/_sandbox/stats`)).status).toBe(200);

    expect(await viewerOf(main.graphqlUrl, main.token)).toBe('Viewer:alice');

    const [healthz, readyz, metrics] = await Promise.all([get(`${main.baseUrl}/healthz`), get(`${main.baseUrl}/readyz`), get(`${main.baseUrl}/metrics`)]);
    expect(healthz.status).toBe(200);
    expect({ status: readyz.status, body: await readyz.json() }).toMatchObject({ status: 200, body: { status: 'ready' } });
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toMatch(/^graphql_operations_total\{[^}]*outcome="ok"[^}]*\} [1-9]/m);

    const landing = await get(main.graphqlUrl, { accept: 'text/html' });
    expect(landing.status).toBe(200);
    expect(landing.headers.get('content-type')).toMatch(/text\/html/);
    const html = await landing.text();
    expect(html).toContain('embeddable-sandbox');
    // "Apollo Sandbox already sends it": the demo token is in the page's initial headers.
    expect(html).toContain(main.token);
  });
});

describe('npm start with configured upstreams', () => {
  it('uses the four URLs, starts no embedded sandbox and still serves viewer { id }', async () => {
    const sandbox = await startSandboxProcess();
    const main = await startMain({
      KIGO_BASE_URL: `${sandbox.url}/kigo/api/v1`,
      KLIP_API_URL: `${sandbox.url}/klip/v2`,
      KLIP_A2A_URL: `${sandbox.url}/klip-a2a/v2`,
      XOXODAY_BASE_URL: `${sandbox.url}/xoxoday/chef`,
    });

    expect(main.sandboxUrl).toBeUndefined();
    expect(main.child.stdout()).not.toMatch(/embedded sandbox/i);
    expect(await viewerOf(main.graphqlUrl, main.token)).toBe('Viewer:alice');
    expect((await get(`${main.baseUrl}/readyz`)).status).toBe(200);
  });
});

describe('graceful stop', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    '%s drains: an open websocket is closed with 1001, an in-flight request is answered, and main exits 0',
    async (signal) => {
      const main = await startMain();
      const { closed } = await openAcknowledgedSocket(main.graphqlUrl, main.token);
      const held = await startHeldRequest(main.graphqlUrl, INTROSPECTION);

      const stoppedAt = Date.now();
      main.child.proc.kill(signal);
      await main.child.waitForOutput(new RegExp(`"signal":"${signal}".*shutting down`), 5_000);
      // The websocket is closed during the drain, while the held request keeps the drain from finishing.
      expect(await withTimeout(closed, 5_000, () => 'the websocket was not closed within 5 s of the signal')).toMatchObject({ code: 1001 });
      // Give a drain that would not wait for the request the time to finish and exit: this one must not.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(main.child.exited()).toBeUndefined();

      const answer = await held.send();
      expect(answer).toEqual({ status: 200, body: { data: { __schema: { queryType: { name: 'Query' } } } } });

      expect(await main.child.waitForExit(5_000)).toEqual({ code: 0, signal: null });
      expect(Date.now() - stoppedAt).toBeLessThan(5_000);
    },
  );
});

describe('development secrets', () => {
  it('generates a missing AUTH_JWT_SECRET once into DATA_DIR/secrets.json (0600) and reuses it on the next start', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'secrets.json');

    const first = await startMain({ DATA_DIR: dataDir });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const saved = fs.readFileSync(file, 'utf8');
    expect(JSON.parse(saved)).toEqual({ authJwtSecret: expect.any(String), storeEncryptionKey: expect.any(String) });
    expect(await viewerOf(first.graphqlUrl, first.token)).toBe('Viewer:alice');
    await first.child.stop('SIGKILL');

    const second = await startMain({ DATA_DIR: dataDir });
    expect(await viewerOf(second.graphqlUrl, first.token)).toBe('Viewer:alice');
    expect(fs.readFileSync(file, 'utf8')).toBe(saved);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });
});

describe('npm start keeps its data to its owner', () => {
  it('creates DATA_DIR 0700, with the database, its WAL and SHM files and secrets.json 0600', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const main = await startMain({ DATA_DIR: dataDir });
    expect(await viewerOf(main.graphqlUrl, main.token)).toBe('Viewer:alice');
    const mode = (name: string) => (fs.statSync(path.join(dataDir, name)).mode & 0o777).toString(8);
    expect(mode('.')).toBe('700');
    for (const name of ['rewardgraph.sqlite', 'rewardgraph.sqlite-wal', 'rewardgraph.sqlite-shm', 'secrets.json']) expect({ name, mode: mode(name) }).toEqual({ name, mode: '600' });
  });
});

describe('npm start follows its embedded sandbox back to the seed', () => {
  it('after POST /_sandbox/reset (the README’s rerun step) the same clientMutationId shares again, with a new code that works', async () => {
    const main = await startMain();
    const share = 'mutation { shareToken(input: { tokenId: "tok_alice_01", clientMutationId: "share-coffee-1" }) { claimCode userErrors { code } } }';
    const first = (await gql(main.graphqlUrl, share, main.token)).body.data.shareToken;
    expect(first).toMatchObject({ userErrors: [], claimCode: expect.any(String) });
    const reset = await fetch(`${main.sandboxUrl}/_sandbox/reset`, { method: 'POST', signal: AbortSignal.timeout(10_000) });
    expect(reset.status).toBe(200);
    const again = (await gql(main.graphqlUrl, share, main.token)).body.data.shareToken;
    expect(again).toMatchObject({ userErrors: [], claimCode: expect.any(String) });
    expect(again.claimCode).not.toBe(first.claimCode);
    const wallet = (await gql(main.graphqlUrl, '{ viewer { tokens(first: 1) { nodes { tokenId status } } } }', main.token)).body.data.viewer.tokens.nodes;
    expect(wallet).toEqual([{ tokenId: 'tok_alice_01', status: 'SHARE_PENDING' }]);
  });
});

describe('production refuses to start', () => {
  it('without its secrets and upstreams, or with invalid settings, naming every bad variable', async () => {
    const [bare, invalid] = await Promise.all([
      runNode(MAIN, [], minimalEnv({ NODE_ENV: 'production', DATA_DIR: tempDir() })),
      runNode(MAIN, [], minimalEnv({ PORT: 'abc', LOG_LEVEL: 'loud', DATA_DIR: tempDir() })),
    ]);

    expect({ code: bare.code, signal: bare.signal }).toEqual({ code: 1, signal: null });
    for (const name of ['AUTH_JWT_SECRET', 'STORE_ENCRYPTION_KEY', ...UPSTREAM_VARS, 'XOXODAY_REFRESH_TOKEN']) expect(bare.stderr).toContain(name);
    // The refresh token's line says how to obtain one (the OAuth authorize flow).
    expect(bare.stderr).toMatch(/XOXODAY_REFRESH_TOKEN[^\n]*authorize/i);
    expect(bare.stdout).not.toMatch(/ready at/);

    expect({ code: invalid.code, signal: invalid.signal }).toEqual({ code: 1, signal: null });
    expect(invalid.stderr).toMatch(/\bPORT\b/);
    expect(invalid.stderr).toMatch(/\bLOG_LEVEL\b/);
    expect(invalid.stdout).not.toMatch(/ready at/);
  });
});

describe('a port in use', () => {
  it('is said in one line naming the address, and main exits 1', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      const run = await runNode(MAIN, [], minimalEnv({ PORT: String(port), SANDBOX_PORT: '0', DATA_DIR: tempDir() }));
      expect({ code: run.code, signal: run.signal }).toEqual({ code: 1, signal: null });
      expect(run.stderr).toBe(`rewardgraph: 127.0.0.1:${port} is already in use; stop what listens there, or set PORT (SANDBOX_PORT for the embedded sandbox) to a free port\n`);
      expect(run.stdout).not.toMatch(/ready at|WebSocket/);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});

describe('npm run token', () => {
  it('prints a JWT for AUTH_JWT_SECRET with sub and the admin role only when asked, and a usage line without a sub', async () => {
    const secret = 'a-test-secret-of-at-least-32-characters!';
    const env = minimalEnv({ AUTH_JWT_SECRET: secret, DATA_DIR: tempDir() });
    const [admin, plain, none] = await Promise.all([runNode(TOKEN, ['bob', '--admin', '--raw'], env), runNode(TOKEN, ['bob', '--raw'], env), runNode(TOKEN, [], env)]);

    expect({ code: admin.code, stderr: admin.stderr }).toEqual({ code: 0, stderr: '' });
    const adminClaims = (await jwtVerify(admin.stdout.trim(), new TextEncoder().encode(secret))).payload;
    expect(adminClaims.sub).toBe('bob');
    expect(adminClaims.roles).toContain('admin');

    expect({ code: plain.code, stderr: plain.stderr }).toEqual({ code: 0, stderr: '' });
    const plainClaims = (await jwtVerify(plain.stdout.trim(), new TextEncoder().encode(secret))).payload;
    expect(plainClaims.sub).toBe('bob');
    expect(plainClaims.roles ?? []).not.toContain('admin');

    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^usage: .*<sub>/m);
    expect(none.stdout).toBe('');
  });

  it('signs with the DATA_DIR-generated secret, so a running main accepts its tokens', async () => {
    const dataDir = tempDir();
    const main = await startMain({ DATA_DIR: dataDir });
    const token = await runNode(TOKEN, ['carol', '--raw'], minimalEnv({ DATA_DIR: dataDir }));
    expect({ code: token.code, stderr: token.stderr }).toEqual({ code: 0, stderr: '' });
    expect(await viewerOf(main.graphqlUrl, token.stdout.trim())).toBe('Viewer:carol');
  });

  it('prints the header line an IDE takes by default, and the bare JWT with --raw', async () => {
    const env = minimalEnv({ AUTH_JWT_SECRET: 'a-test-secret-of-at-least-32-characters!', DATA_DIR: tempDir() });
    const [line, raw] = await Promise.all([runNode(TOKEN, ['dora'], env), runNode(TOKEN, ['dora', '--raw'], env)]);
    expect(line.stdout).toMatch(/^Authorization: Bearer [\w-]+\.[\w-]+\.[\w-]+\n$/);
    expect(raw.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
  });

  it('`npm run -s token -- alice --raw` prints the bare JWT from the built script, without building again', async () => {
    const secret = 'a-test-secret-of-at-least-32-characters!';
    const started = Date.now();
    const npm = spawn('npm', ['run', '-s', 'token', '--', 'alice', '--raw'], { cwd: REPO_ROOT, env: minimalEnv({ AUTH_JWT_SECRET: secret, DATA_DIR: tempDir() }) });
    let stdout = '';
    let stderr = '';
    npm.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    npm.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => npm.once('exit', resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    expect((await jwtVerify(stdout.trim(), new TextEncoder().encode(secret))).payload.sub).toBe('alice');
    // The build (beforeAll) is newer than every source: nothing is compiled, which takes ~10 s.
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('npm run sandbox', () => {
  it('prints its URL and the four base URLs, resets on request and exits 0 on SIGTERM', async () => {
    const sandbox = await startSandboxProcess();
    expect(sandbox.baseUrls).toEqual({
      kigo: `${sandbox.url}/kigo/api/v1`,
      klip: `${sandbox.url}/klip/v2`,
      'klip-a2a': `${sandbox.url}/klip-a2a/v2`,
      xoxoday: `${sandbox.url}/xoxoday/chef`,
    });

    const reset = await fetch(`${sandbox.url}/_sandbox/reset`, { method: 'POST', signal: AbortSignal.timeout(5_000) });
    expect(reset.status).toBe(200);

    expect(await sandbox.child.stop('SIGTERM', 5_000)).toEqual({ code: 0, signal: null });
  });
});

describe('Xoxoday vouchers on the compiled program', () => {
  it('authorizes with Xoxoday by itself and places an order, on the embedded default and against `npm run sandbox` alike', async () => {
    const sandbox = await startSandboxProcess();
    const embedded = await startMain();
    const configured = await startMain({
      KIGO_BASE_URL: sandbox.baseUrls.kigo,
      KLIP_API_URL: sandbox.baseUrls.klip,
      KLIP_A2A_URL: sandbox.baseUrls['klip-a2a'],
      XOXODAY_BASE_URL: sandbox.baseUrls.xoxoday,
    });
    for (const main of [embedded, configured]) {
      const order = await gql(
        main.graphqlUrl,
        'mutation { placeVoucherOrder(input: {voucherId: "10002", denomination: "25.00", idempotencyKey: "process-test"}) { order { status total { amount currency } codes { code } } userErrors { code } } }',
        main.token,
      );
      expect(order.body.errors).toBeUndefined();
      expect(order.body.data.placeVoucherOrder).toMatchObject({ userErrors: [], order: { status: 'COMPLETE', total: { amount: '25.00', currency: 'USD' }, codes: [{ code: expect.any(String) }] } });
      expect((await get(`${main.baseUrl}/readyz`)).status).toBe(200);
    }
    const stats = (await (await get(`${sandbox.url}/_sandbox/stats`)).json()) as { requests: Record<string, number> };
    expect(stats.requests['GET /xoxoday/chef/v1/oauth/authorize']).toBe(1);
  });
});
