/**
 * The company grant against the sandbox's seed-shaped answers: kept alive while idle (renewed once a
 * renewal period, once across two instances sharing Postgres and Redis), kept through token-endpoint
 * failures that say nothing about it, and still ordering with the consenting admin's email after a
 * refresh whose answer (as the seed's example) carries none. Token calls are counted at the sandbox.
 */
import type { Sandbox } from '../../sandbox/server';
import { toGlobalId } from '../../src/schema/global-id';
import { PlaceVoucherOrderDocument, VoucherBalanceDocument } from '../generated/graphql';
import { eventually } from '../helpers/app2app';
import { startStack, type Stack } from '../helpers/stack';
import { startTestSandbox } from '../helpers/test-sandbox';
import { TOKEN_ROUTE } from '../helpers/xoxoday';

const admin = { sub: 'ops-admin', admin: true };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function tokenCalls(stack: Stack): Promise<number> {
  return (await stack.control<{ requests: Record<string, number> }>('GET', '/_sandbox/stats')).requests[TOKEN_ROUTE] ?? 0;
}

async function balanceOk(stack: Stack): Promise<void> {
  const res = await stack.gql(VoucherBalanceDocument, {}, admin);
  expect(res.errors).toBeUndefined();
}

it('renews an idle grant once a renewal period, once between two instances sharing Postgres and Redis', async () => {
  const sandbox: Sandbox = await startTestSandbox();
  const env = { XOXODAY_GRANT_RENEWAL_SECONDS: '3' };
  const a = await startStack({ sandbox, postgres: true, redis: true, env });
  const b = await startStack({ sandbox, peer: a, env });
  try {
    await balanceOk(a);
    await balanceOk(b);
    await a.control('DELETE', '/_sandbox/stats');
    // Nobody uses either instance now; the renewal is due 3 s after the grant was obtained.
    await eventually(async () => expect(await tokenCalls(a)).toBeGreaterThanOrEqual(1), 10_000);
    await sleep(1_500);
    expect(await tokenCalls(a)).toBe(1);
    // Both use the renewed grant: no token call, no validation.
    await balanceOk(a);
    await balanceOk(b);
    expect(await tokenCalls(a)).toBe(1);
  } finally {
    await b.stop();
    await a.stop();
    await sandbox.close();
  }
}, 30_000);

it('keeps the grant through a 500 and an invalid_client on the token endpoint, and refreshes after them', async () => {
  const stack = await startStack();
  try {
    await balanceOk(stack);
    await stack.control('POST', '/_sandbox/xoxoday/tokens/expire');
    await stack.control('POST', '/_sandbox/faults', { provider: 'xoxoday', path: 'oauth/token/company', status: 500, body: { message: 'internal' }, times: 1 });
    await stack.control('POST', '/_sandbox/faults', { provider: 'xoxoday', path: 'oauth/token/company', status: 400, body: { error: 'invalid_client' }, times: 1 });
    await stack.control('DELETE', '/_sandbox/stats');
    await balanceOk(stack);
    expect(await tokenCalls(stack)).toBe(3);
    expect((await fetch(`${stack.baseUrl}/readyz`)).status).toBe(200);
  } finally {
    await stack.control('DELETE', '/_sandbox/faults');
    await stack.stop();
  }
});

it('orders with the consenting admin’s email after a refresh whose answer, as the seed’s, has none', async () => {
  const stack = await startStack();
  try {
    await balanceOk(stack);
    await stack.control('POST', '/_sandbox/xoxoday/tokens/expire');
    // An order sent with the stand-in address would be refused here.
    await stack.control('POST', '/_sandbox/faults', { provider: 'xoxoday', bodyIncludes: 'rewardgraph.invalid', status: 400, body: { code: 400, errorId: 'PLE10001', errorInfo: 'email', error: 'invalid email' } });
    await stack.control('DELETE', '/_sandbox/stats');
    const res = await stack.gql(PlaceVoucherOrderDocument, { input: { voucherId: toGlobalId('Voucher', '10002'), denomination: '5', idempotencyKey: 'after-refresh' } }, { sub: 'kim' });
    expect(res.errors).toBeUndefined();
    expect(res.data.placeVoucherOrder).toMatchObject({ userErrors: [], order: { total: { amount: '5.00', currency: 'USD' } } });
    expect(await tokenCalls(stack)).toBe(1);
  } finally {
    await stack.control('DELETE', '/_sandbox/faults');
    await stack.stop();
  }
});
