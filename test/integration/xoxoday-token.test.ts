/**
 * The company token against the sandbox: bootstrap (authorize by itself, or XOXODAY_REFRESH_TOKEN),
 * rotation stored before use and reused across restarts, single-flight refresh, validate → refresh →
 * retry on a 4xx, and a revoked grant reported to operators.
 */
import { upstreamAccount } from '../../src/datasources/account';
import { Provider } from '../../src/errors';
import { productionEnv } from '../helpers/production';
import { startStack, type Stack } from '../helpers/stack';
import { AUTHORIZE_ROUTE, TOKEN_ROUTE, VALIDATE_ROUTE, clearCounts, operatorRefreshToken, ops, sameStore } from '../helpers/xoxoday';
import { PlaceVoucherOrderDocument, VoucherBalanceDocument } from '../generated/graphql';
import type { CompanyGrant } from '../../src/datasources/xoxoday/company-token';

const admin = { sub: 'ops-admin', admin: true };
const stacks: Stack[] = [];

async function stack(options: Parameters<typeof startStack>[0] = {}): Promise<Stack> {
  const s = await startStack(options);
  stacks.push(s);
  return s;
}

afterEach(async () => {
  // Later stacks may share an earlier one's sandbox or data dir: stop them first.
  for (const s of stacks.reverse()) await s.stop();
  stacks.length = 0;
});

async function balance(s: Stack) {
  return s.gql(VoucherBalanceDocument, {}, admin);
}

async function storedGrant(s: Stack): Promise<CompanyGrant | undefined> {
  const account = upstreamAccount(Provider.XOXODAY, s.sandbox.baseUrls.xoxoday, s.sandbox.credentials.xoxoday.clientId);
  return (await s.gateway.services.store.credentials.get<CompanyGrant>('xoxoday', `company@${account}`))?.value;
}

const count = (s: Stack, route: string) => s.sandbox.stats.count(route);

describe('Xoxoday company token', () => {
  it('authorizes by itself outside production when no refresh token is configured, and stores the grant encrypted', async () => {
    const s = await stack();
    expect(count(s, AUTHORIZE_ROUTE)).toBe(0);

    const res = await balance(s);
    expect(res.errors).toBeUndefined();
    expect(res.data.voucherBalance).toEqual({ amount: '10000.00', currency: 'USD' });
    expect(count(s, AUTHORIZE_ROUTE)).toBe(1);
    expect(count(s, TOKEN_ROUTE)).toBe(1);

    const grant = await storedGrant(s);
    expect(grant).toMatchObject({ state: 'active', origin: 'authorize' });
    const raw = await s.gateway.services.store.db.selectFrom('credentials').select('value').where('provider', '=', 'xoxoday').executeTakeFirstOrThrow();
    expect(raw.value).not.toContain(grant!.refreshToken);
    expect(raw.value).not.toContain(grant!.accessToken);
  });

  it('on a 4xx validates the token, refreshes it, stores the rotated one first and retries once', async () => {
    const s = await stack();
    await balance(s);
    const before = await storedGrant(s);
    await s.control('POST', '/_sandbox/xoxoday/tokens/expire');
    await clearCounts(s);

    const res = await balance(s);
    expect(res.errors).toBeUndefined();
    expect(count(s, VALIDATE_ROUTE)).toBe(1);
    expect(count(s, TOKEN_ROUTE)).toBe(1);
    expect((await ops(s)).getBalance).toBe(2);
    const after = await storedGrant(s);
    expect(after!.refreshToken).not.toBe(before!.refreshToken);
    expect(after!.accessToken).not.toBe(before!.accessToken);
  });

  it('refreshes once however many requests find the token expired at the same moment', async () => {
    const s = await stack();
    await balance(s);
    await s.control('POST', '/_sandbox/xoxoday/tokens/expire');
    await clearCounts(s);

    const results = await Promise.all(Array.from({ length: 20 }, () => balance(s)));
    expect(results.map((r) => r.errors)).toEqual(Array(20).fill(undefined));
    expect(count(s, TOKEN_ROUTE)).toBe(1);
    expect(count(s, AUTHORIZE_ROUTE)).toBe(0);
    // However many met the expired token, Xoxoday is asked about it once; each of them is retried once.
    expect(count(s, VALIDATE_ROUTE)).toBe(1);
    expect((await ops(s)).getBalance).toBeGreaterThanOrEqual(21);
    expect((await ops(s)).getBalance).toBeLessThanOrEqual(40);
  });

  it('reuses the latest rotated grant after a restart instead of authorizing again', async () => {
    const first = await stack();
    await balance(first);
    await first.control('POST', '/_sandbox/xoxoday/tokens/expire');
    await balance(first); // rotates
    const rotated = await storedGrant(first);
    await first.gateway.stop();
    await clearCounts(first);

    const second = await stack({ sandbox: first.sandbox, env: sameStore(first) });
    expect((await balance(second)).errors).toBeUndefined();
    expect(count(second, AUTHORIZE_ROUTE)).toBe(0);
    expect(count(second, TOKEN_ROUTE)).toBe(0);

    // The stored refresh token is the live one: the next refresh succeeds with it.
    await second.control('POST', '/_sandbox/xoxoday/tokens/expire');
    expect((await balance(second)).errors).toBeUndefined();
    expect(count(second, TOKEN_ROUTE)).toBe(1);
    expect(count(second, AUTHORIZE_ROUTE)).toBe(0);
    expect((await storedGrant(second))!.refreshToken).not.toBe(rotated!.refreshToken);
  });

  it('starts from XOXODAY_REFRESH_TOKEN, prefers the stored grant on restart, and takes a new token an operator sets', async () => {
    const first = await stack();
    const operatorToken = await operatorRefreshToken(first.sandbox);
    await first.gateway.stop();
    await clearCounts(first);

    const bootstrapped = await stack({ sandbox: first.sandbox, env: { XOXODAY_REFRESH_TOKEN: operatorToken } });
    expect((await balance(bootstrapped)).errors).toBeUndefined();
    expect(count(bootstrapped, AUTHORIZE_ROUTE)).toBe(0);
    expect(count(bootstrapped, TOKEN_ROUTE)).toBe(1); // the refresh grant that consumed the operator's token
    await bootstrapped.gateway.stop();

    // Same variable, already consumed by rotation: the stored grant is used, not the dead bootstrap token.
    const restarted = await stack({ sandbox: first.sandbox, env: sameStore(bootstrapped, { XOXODAY_REFRESH_TOKEN: operatorToken }) });
    expect((await balance(restarted)).errors).toBeUndefined();
    expect(count(restarted, TOKEN_ROUTE)).toBe(1);
    await restarted.gateway.stop();

    // A new token from the operator replaces the stored grant.
    const newToken = await operatorRefreshToken(first.sandbox);
    await clearCounts(first);
    const reconfigured = await stack({ sandbox: first.sandbox, env: sameStore(bootstrapped, { XOXODAY_REFRESH_TOKEN: newToken }) });
    expect((await balance(reconfigured)).errors).toBeUndefined();
    expect(count(reconfigured, TOKEN_ROUTE)).toBe(1);
    expect(count(reconfigured, AUTHORIZE_ROUTE)).toBe(0);
    expect((await storedGrant(reconfigured))!.origin).not.toBe('authorize');
  });

  it('reports a revoked grant on /readyz and answers voucher operations UPSTREAM_UNAVAILABLE until re-authorized', async () => {
    const s = await stack();
    await balance(s);
    await s.control('POST', '/_sandbox/xoxoday/tokens/revoke');

    const res = await balance(s);
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', provider: 'XOXODAY' });
    expect(res.errors![0]!.message).toMatch(/revoked.*XOXODAY_REFRESH_TOKEN/s);

    const order = await s.gql(PlaceVoucherOrderDocument, { input: { voucherId: '10002', denomination: '25', idempotencyKey: 'after-revoke' } }, { sub: 'alice' });
    expect(order.errors![0]!.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', provider: 'XOXODAY' });

    const ready = await fetch(`${s.baseUrl}/readyz`);
    expect(ready.status).toBe(503);
    const body = (await ready.json()) as { checks: Record<string, string>; details: { xoxoday: { grant: string } } };
    expect(body.checks.xoxoday).toMatch(/revoked.*authorize.*XOXODAY_REFRESH_TOKEN/s);
    expect(body.checks.store).toBe('ok');
    expect(body.details.xoxoday.grant).toBe('revoked');

    // A dead grant fails fast: no more refresh attempts against Xoxoday.
    await clearCounts(s);
    expect((await balance(s)).errors![0]!.extensions!.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(count(s, TOKEN_ROUTE)).toBe(0);
    expect(s.logs()).toContain('Xoxoday refused the company grant');

    // Outside production a restart authorizes again.
    await s.gateway.stop();
    const restarted = await stack({ sandbox: s.sandbox, env: sameStore(s) });
    expect((await balance(restarted)).errors).toBeUndefined();
    expect(count(restarted, AUTHORIZE_ROUTE)).toBe(1);
    expect((await fetch(`${restarted.baseUrl}/readyz`)).status).toBe(200);
  });

  it('notices a revocation on /readyz before any voucher operation does', async () => {
    const s = await stack();
    await balance(s);
    await s.control('POST', '/_sandbox/xoxoday/tokens/revoke');

    const ready = await fetch(`${s.baseUrl}/readyz`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { checks: Record<string, string> }).checks.xoxoday).toMatch(/revoked/);
  });

  it('keeps /readyz ready while Xoxoday is merely unreachable', async () => {
    const s = await stack();
    await balance(s);
    await s.control('POST', '/_sandbox/faults', { provider: 'xoxoday', status: 503 });
    expect((await fetch(`${s.baseUrl}/readyz`)).status).toBe(200);
    const res = await balance(s);
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', provider: 'XOXODAY' });
    await s.control('DELETE', '/_sandbox/faults');
  });

  it('in production: runs on XOXODAY_REFRESH_TOKEN alone, and a dead stored grant keeps /readyz unready until an operator sets a new one', async () => {
    const first = await stack();
    const production = (refreshToken: string, base: Stack = first) =>
      sameStore(base, productionEnv(refreshToken));
    await first.gateway.stop();
    const operatorToken = await operatorRefreshToken(first.sandbox);
    await clearCounts(first);

    const prod = await stack({ sandbox: first.sandbox, env: production(operatorToken) });
    expect((await balance(prod)).errors).toBeUndefined();
    expect(count(prod, AUTHORIZE_ROUTE)).toBe(0);
    await prod.control('POST', '/_sandbox/xoxoday/tokens/revoke');
    expect((await balance(prod)).errors![0]!.message).not.toContain('restart without XOXODAY_REFRESH_TOKEN');
    await prod.gateway.stop();

    // Restarted with the same (consumed) token: unready before any voucher operation, and no authorize attempt.
    const stillDead = await stack({ sandbox: first.sandbox, env: production(operatorToken) });
    const ready = await fetch(`${stillDead.baseUrl}/readyz`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { checks: Record<string, string> }).checks.xoxoday).toMatch(/revoked.*XOXODAY_REFRESH_TOKEN/s);
    expect((await balance(stillDead)).errors![0]!.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', provider: 'XOXODAY' });
    expect(count(stillDead, AUTHORIZE_ROUTE)).toBe(0);
    await stillDead.gateway.stop();

    const renewed = await stack({ sandbox: first.sandbox, env: production(await operatorRefreshToken(first.sandbox)) });
    expect((await balance(renewed)).errors).toBeUndefined();
    expect((await fetch(`${renewed.baseUrl}/readyz`)).status).toBe(200);
  });
});
