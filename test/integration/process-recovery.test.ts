/**
 * Crashes as they happen in life, on the compiled gateway (`npm run build`, then `node dist/src/main.js`
 * processes) against the sandbox of this test: a gateway `kill -9`ed after the upstream acted but before
 * its answer arrived (`afterAction` faults hold the answers), and a restart on the same store. The
 * sandbox counts what reached it, so "one upstream action per key" is counted on the upstream's side.
 */
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { signViewerToken } from '../../src/auth/tokens';
import type { Sandbox } from '../../sandbox/server';
import { startTestSandbox } from '../helpers/test-sandbox';
import { testDatabaseUrl, testSchemaName } from '../helpers/services';
import { build, killAll, postGraphql, removeTempDirs, startGatewayProcess, tempDir, type GatewayProcess } from '../helpers/process';

jest.setTimeout(60_000);

const SECRET = randomBytes(32).toString('base64url');
const STORE_KEY = randomBytes(32).toString('base64');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let sandbox: Sandbox;
beforeAll(async () => {
  await build(120_000);
  sandbox = await startTestSandbox();
}, 150_000);
afterAll(async () => {
  await killAll();
  await sandbox?.close();
  removeTempDirs();
});

/** The environment of a gateway deployed against this test's sandbox. */
function deployment(extra: Record<string, string>): Record<string, string> {
  return {
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    AUTH_JWT_SECRET: SECRET,
    STORE_ENCRYPTION_KEY: STORE_KEY,
    KIGO_BASE_URL: sandbox.baseUrls.kigo,
    KLIP_API_URL: sandbox.baseUrls.klipApi,
    KLIP_A2A_URL: sandbox.baseUrls.klipA2a,
    XOXODAY_BASE_URL: sandbox.baseUrls.xoxoday,
    ...extra,
  };
}

const token = (sub: string, admin = false) => signViewerToken(SECRET, sub, { admin });
const control = async (method: string, pathname: string, body?: unknown) => {
  const res = await fetch(`${sandbox.url}${pathname}`, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return text ? JSON.parse(text) : undefined;
};
const ops = async (): Promise<Record<string, number>> => (await control('GET', '/_sandbox/xoxoday/ops')).ops;
const arrivals = (route: string) => sandbox.stats.count(route);

async function until(what: string | (() => Promise<string>), check: () => Promise<boolean> | boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${typeof what === 'string' ? what : await what()}`);
    await sleep(25);
  }
}

interface Settled {
  res: Awaited<ReturnType<typeof postGraphql>>;
  /** ms from the restarted gateway being ready to this answer */
  afterMs: number;
  /** RATE_LIMITED answers on the way, with their retryAfterSeconds */
  rateLimited: number[];
}

/** Sends `query` as a client would after a crash: again and again, waiting as RATE_LIMITED says, until another answer. */
async function retryUntilSettled(gateway: GatewayProcess, readyAt: number, query: string, bearer: string): Promise<Settled> {
  const rateLimited: number[] = [];
  for (;;) {
    const res = await postGraphql(gateway.graphqlUrl, query, bearer);
    const extensions = res.errors?.[0]?.extensions;
    if (extensions?.code !== 'RATE_LIMITED') return { res, afterMs: Date.now() - readyAt, rateLimited };
    rateLimited.push(extensions.retryAfterSeconds);
    await sleep(extensions.retryAfterSeconds * 1000);
  }
}

const ORDER = 'mutation { placeVoucherOrder(input: {voucherId: "10002", denomination: "25", idempotencyKey: "crash-order"}) { order { orderId total { amount } codes { code } } userErrors { code } } }';
const SHARE = 'mutation { shareToken(input: {tokenId: "tok_alice_01", clientMutationId: "crash-share"}) { claimCode token { status } userErrors { code } } }';
const claimQuery = (code: string) => `mutation { claimToken(input: {claimCode: "${code}", clientMutationId: "crash-claim"}) { token { tokenId status } userErrors { code } } }`;
const MINT = 'mutation { mintCard(input: {toAddresses: ["0xb0b0000000000000000000000000000000000002"], name: "Crash Badge", imageUrl: "https://example.test/b.png", clientMutationId: "crash-mint"}) { cards { cardId } userErrors { code } } }';

const ROUTES = {
  share: 'POST /kigo/api/v1/wallet/tokens/:tokenId/share',
  unshare: 'DELETE /kigo/api/v1/wallet/tokens/:tokenId/share',
  claim: 'POST /kigo/api/v1/claims/:claimCode',
  mint: 'POST /klip/v2/wallet/mint',
};

describe('a gateway killed (kill -9) after the upstreams acted and before their answers arrived', () => {
  const settled: Record<'order' | 'share' | 'claim' | 'mint', Settled> = {} as never;
  let lostCode: string;
  let claimCode: string;
  /** Arrivals per route at the kill, and once every retry was answered. */
  const before: Record<string, number> = {};
  const after: Record<string, number> = {};
  const added = (route: string) => after[route]! - before[route]!;
  let restarted: GatewayProcess;

  beforeAll(async () => {
    const env = deployment({ DATA_DIR: tempDir(), UPSTREAM_TIMEOUT_MS: '30000' });
    const first = await startGatewayProcess(env);
    const [alice, bob, admin] = await Promise.all([token('alice'), token('bob'), token('ops', true)]);
    // Sessions, the company grant, the catalog and the partner login, as a gateway in use has them.
    for (const [query, bearer] of [
      ['{ vouchers(first: 1) { nodes { productId } } }', alice],
      ['{ viewer { tokens(first: 1) { totalCount } } }', bob],
      ['{ partnerCards(first: 1) { nodes { cardId } } }', admin],
    ] as const) {
      expect((await postGraphql(first.graphqlUrl, query, bearer)).errors).toBeUndefined();
    }
    claimCode = (await postGraphql(first.graphqlUrl, 'mutation { shareToken(input: {tokenId: "tok_alice_03"}) { claimCode } }', alice)).data.shareToken.claimCode;

    // Each upstream acts at once and holds its answer back for a minute.
    const held = { afterAction: true, delayMs: 60_000, times: 1 };
    await control('POST', '/_sandbox/faults', { provider: 'xoxoday', bodyIncludes: 'plumProAPI.mutation.placeOrder', ...held });
    await control('POST', '/_sandbox/faults', { provider: 'kigo', method: 'POST', path: '/share$', ...held });
    await control('POST', '/_sandbox/faults', { provider: 'kigo', method: 'POST', path: '/claims/', ...held });
    await control('POST', '/_sandbox/faults', { provider: 'klip', method: 'POST', path: '/wallet/mint$', ...held });
    const sharesBefore = arrivals(ROUTES.share);
    // Their answers, should one come before the kill (it would say why the upstream did not act).
    const answers: unknown[] = [];
    for (const [query, bearer] of [[ORDER, alice], [SHARE, alice], [claimQuery(claimCode), bob], [MINT, admin]] as const) {
      postGraphql(first.graphqlUrl, query, bearer).then((r) => answers.push(r), () => undefined);
    }
    await until(async () => `every upstream acted: ${JSON.stringify({ ops: await ops(), ...sandbox.stats.toJSON().requests, answers })}`, async () => (await ops()).placeOrder === 1 && arrivals(ROUTES.share) === sharesBefore + 1 && arrivals(ROUTES.claim) === 1 && arrivals(ROUTES.mint) === 1);
    lostCode = (await control('GET', '/_sandbox/kigo/tokens/tok_alice_01/share')).claim_code;

    await first.child.stop('SIGKILL');
    await control('DELETE', '/_sandbox/faults');
    for (const route of Object.values(ROUTES)) before[route] = arrivals(route);

    const second = await startGatewayProcess(env);
    restarted = second;
    const readyAt = Date.now();
    const [order, share, claim, mint] = await Promise.all([
      retryUntilSettled(second, readyAt, ORDER, alice),
      retryUntilSettled(second, readyAt, SHARE, alice),
      retryUntilSettled(second, readyAt, claimQuery(claimCode), bob),
      retryUntilSettled(second, readyAt, MINT, admin),
    ]);
    Object.assign(settled, { order, share, claim, mint });
    for (const route of Object.values(ROUTES)) after[route] = arrivals(route);
  }, 60_000);

  it('takes every key over within 5 s of the gateway being back, telling a retry that came earlier when to come back', () => {
    for (const [name, { afterMs, rateLimited }] of Object.entries(settled)) {
      expect({ name, within5s: afterMs < 5_000 }).toEqual({ name, within5s: true });
      for (const seconds of rateLimited) expect(seconds).toBeGreaterThanOrEqual(1);
    }
  });

  it('voucher order: found by its poNumber and answered, never placed twice, charged once', async () => {
    const { res } = settled.order;
    expect(res.errors).toBeUndefined();
    expect(res.data.placeVoucherOrder).toMatchObject({ userErrors: [], order: { orderId: '7000001', total: { amount: '25.00' }, codes: [expect.anything()] } });
    expect((await ops()).placeOrder).toBe(1);
    const balance = await postGraphql(restarted.graphqlUrl, '{ voucherBalance { amount } }', await token('ops', true));
    expect(balance.data.voucherBalance.amount).toBe('9975.00');
  });

  it('share: the lost share is cancelled and shared again, so the answered code works and the lost one does not', async () => {
    const { res } = settled.share;
    expect(res.errors).toBeUndefined();
    const code = res.data.shareToken.claimCode as string;
    expect(res.data.shareToken).toMatchObject({ userErrors: [], token: { status: 'SHARE_PENDING' } });
    expect(code).not.toBe(lostCode);
    expect(added(ROUTES.unshare)).toBe(1);
    expect(added(ROUTES.share)).toBe(1);
    const url = restarted.graphqlUrl;
    const carol = await token('carol');
    expect((await postGraphql(url, `{ claimPreview(claimCode: "${lostCode}") { tokenId } }`, carol)).data.claimPreview).toBeNull();
    expect((await postGraphql(url, `mutation { claimToken(input: {claimCode: "${code}"}) { token { tokenId } userErrors { code } } }`, carol)).data.claimToken).toEqual({ token: { tokenId: 'tok_alice_01' }, userErrors: [] });
  });

  it('claim: the token is in the claimer’s wallet, so the claim is answered without claiming again', () => {
    const { res } = settled.claim;
    expect(res.errors).toBeUndefined();
    expect(res.data.claimToken).toEqual({ token: { tokenId: 'tok_alice_03', status: 'ACTIVE' }, userErrors: [] });
    expect(added(ROUTES.claim)).toBe(0);
  });

  it('mint: Klip cannot say whether it minted, so the outcome stays unknown and nothing is minted again', () => {
    const { res } = settled.mint;
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', provider: 'KLIP' });
    expect(res.errors?.[0]?.message).toMatch(/may have minted; check partnerCards/);
    expect(added(ROUTES.mint)).toBe(0);
  });

});

describe('a gateway killed (kill -9) right after Xoxoday rotated its refresh token (Postgres)', () => {
  const TOKEN_ROUTE = 'POST /xoxoday/chef/v1/oauth/token/company';
  const AUTHORIZE_ROUTE = 'GET /xoxoday/chef/v1/oauth/authorize';
  const API_ROUTE = 'POST /xoxoday/chef/v1/oauth/api';
  const BALANCE = '{ voucherBalance { amount } }';

  it('uses the rotated token only once it is stored, so a restart goes on with it: no authorize, no refresh', async () => {
    const schema = testSchemaName();
    const pool = new Pool({ connectionString: testDatabaseUrl(), max: 2 });
    try {
      await pool.query(`create schema "${schema}"`);
      const env = deployment({ DATA_DIR: tempDir(), DATABASE_URL: `${testDatabaseUrl()}?options=${encodeURIComponent(`-c search_path=${schema}`)}`, UPSTREAM_TIMEOUT_MS: '30000' });
      const admin = await token('ops', true);
      const first = await startGatewayProcess(env);
      expect((await postGraphql(first.graphqlUrl, BALANCE, admin)).errors).toBeUndefined();

      // Xoxoday expires the access token: the next call is refused, validated, refreshed (rotated), retried.
      await control('POST', '/_sandbox/xoxoday/tokens/expire');
      // The refused call goes through; the retry with the rotated token is held: the moment to kill.
      await control('POST', '/_sandbox/faults', { provider: 'xoxoday', path: 'oauth/api$', delayMs: 1, times: 1 });
      await control('POST', '/_sandbox/faults', { provider: 'xoxoday', path: 'oauth/api$', delayMs: 60_000, times: 1 });
      // Writes to the credentials wait (reads do not), so "stored before used" is visible from outside.
      const lock = await pool.connect();
      await lock.query('begin');
      await lock.query(`lock table "${schema}".credentials in share row exclusive mode`);
      let locked = true;
      try {
        const refreshes = sandbox.stats.answeredCount(TOKEN_ROUTE);
        postGraphql(first.graphqlUrl, BALANCE, admin).catch(() => undefined);
        await until('the refresh answered', () => sandbox.stats.answeredCount(TOKEN_ROUTE) > refreshes);
        const callsAtRotation = arrivals(API_ROUTE);
        await sleep(1_000);
        const usedBeforeStored = arrivals(API_ROUTE) > callsAtRotation;
        if (usedBeforeStored) await first.child.stop('SIGKILL');
        await lock.query('commit');
        locked = false;
        expect(usedBeforeStored).toBe(false);
        await until('the rotated token used', () => arrivals(API_ROUTE) > callsAtRotation);
        await first.child.stop('SIGKILL');
      } finally {
        if (locked) await lock.query('rollback');
        lock.release();
        await control('DELETE', '/_sandbox/faults');
      }

      const authorizations = arrivals(AUTHORIZE_ROUTE);
      const tokenCalls = arrivals(TOKEN_ROUTE);
      const second = await startGatewayProcess(env);
      const balance = await postGraphql(second.graphqlUrl, BALANCE, admin);
      expect(balance.errors).toBeUndefined();
      expect(balance.data.voucherBalance.amount).toMatch(/^\d+\.\d{2}$/);
      expect({ authorize: arrivals(AUTHORIZE_ROUTE) - authorizations, token: arrivals(TOKEN_ROUTE) - tokenCalls }).toEqual({ authorize: 0, token: 0 });
    } finally {
      await pool.end();
    }
  });
});
