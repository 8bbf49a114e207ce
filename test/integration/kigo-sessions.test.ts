import { startStack, type Stack } from '../helpers/stack';
import { freshUser, kigoCalls, userWithTokens } from '../helpers/kigo';
import { ShareTokenDocument, WalletTokensDocument, type ShareTokenMutation, type WalletTokensQuery } from '../generated/graphql';

/*
 * Kigo sessions: single-flight, reuse, encryption at rest, and the 401 path. The sandbox clock moves
 * Kigo's notion of expiry while the gateway's (real clock) stays put, so Kigo answers 401 to sessions
 * the gateway thinks are fresh: exactly the renew-once-and-retry-once path.
 */

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());
afterEach(() => stack.control('DELETE', '/_sandbox/faults'));

const walletOf = (sub: string) => stack.gql<WalletTokensQuery>(WalletTokensDocument, { first: 5 }, { sub });
const advance = (seconds: number) => stack.control('POST', '/_sandbox/clock', { advanceSeconds: seconds });
const authCalls = () => ({
  partner: kigoCalls(stack, 'POST /auth/partner'),
  user: kigoCalls(stack, 'POST /auth/user'),
  refresh: kigoCalls(stack, 'POST /auth/user/refresh'),
});

it('opens one partner session and one user session for 20 concurrent first requests of a viewer', async () => {
  const viewer = freshUser('newcomer');
  stack.sandbox.stats.clear();
  const results = await Promise.all(Array.from({ length: 20 }, () => walletOf(viewer)));
  for (const res of results) expect(res.errors).toBeUndefined();
  expect(authCalls()).toEqual({ partner: 1, user: 1, refresh: 0 });
  expect(kigoCalls(stack, 'GET /wallet/tokens')).toBe(20);

  const other = freshUser('second');
  await Promise.all([walletOf(other), walletOf(other), walletOf(viewer)]);
  expect(authCalls()).toEqual({ partner: 1, user: 2, refresh: 0 });
});

it('keeps sessions encrypted in the store, per viewer, apart from the partner session', async () => {
  const viewer = freshUser('stored');
  await walletOf(viewer);
  const { store } = stack.gateway.services;
  const rows = await store.db.selectFrom('credentials').selectAll().where('provider', 'in', ['kigo-user', 'kigo-partner']).execute();
  expect(rows.map((r) => `${r.provider}/${r.key}`)).toEqual(expect.arrayContaining(['kigo-partner/partner', `kigo-user/${viewer}`]));
  for (const row of rows) expect(row.value).not.toMatch(/k(ps|ua|ur)_/);
  const session = await store.credentials.get<{ accessToken: string; refreshToken: string }>('kigo-user', viewer);
  expect(session?.value).toMatchObject({ accessToken: expect.stringMatching(/^kua_/), refreshToken: expect.stringMatching(/^kur_/) });
  expect(session!.expiresAt! - Date.now()).toBeGreaterThan(3500_000);
});

it('on a 401 for a session it thought fresh, refreshes once and retries once, however many requests hit it', async () => {
  const viewer = freshUser('expired');
  await walletOf(viewer);
  await advance(2 * 3600); // Kigo now sees every access and partner session as expired
  stack.sandbox.stats.clear();
  const results = await Promise.all(Array.from({ length: 10 }, () => walletOf(viewer)));
  for (const res of results) expect(res.errors).toBeUndefined();
  expect(authCalls()).toEqual({ partner: 0, user: 0, refresh: 1 });
  expect(kigoCalls(stack, 'GET /wallet/tokens')).toBe(20);

  stack.sandbox.stats.clear();
  await walletOf(viewer);
  expect(authCalls()).toEqual({ partner: 0, user: 0, refresh: 0 });
});

it('falls back to a new user session, renewing the partner session, when Kigo refuses the refresh token', async () => {
  const viewer = freshUser('dormant');
  await walletOf(viewer);
  await advance(366 * 24 * 3600); // past the refresh token's year, as far as Kigo is concerned
  stack.sandbox.stats.clear();
  const res = await walletOf(viewer);
  expect(res.errors).toBeUndefined();
  // refresh refused; /auth/user with the stale partner session refused, partner renewed, /auth/user again
  expect(authCalls()).toEqual({ partner: 1, user: 2, refresh: 1 });
  expect(kigoCalls(stack, 'GET /wallet/tokens')).toBe(2);
});

it('retries a mutation that got a 401 once, after renewing', async () => {
  const { user, tokenIds } = await userWithTokens(stack, 'resharer', 1);
  await walletOf(user);
  await stack.control('POST', '/_sandbox/faults', { provider: 'kigo', method: 'POST', path: '/share$', status: 401, times: 1, body: { error: { code: 'token_expired', message: 'expired' } } });
  stack.sandbox.stats.clear();
  const res = await stack.gql<ShareTokenMutation>(ShareTokenDocument, { input: { tokenId: tokenIds[0] } }, { sub: user });
  expect(res.data!.shareToken).toMatchObject({ userErrors: [], claimCode: expect.any(String) });
  expect(authCalls()).toEqual({ partner: 0, user: 0, refresh: 1 });
  // The faulted first call and the retry, both under the route's template.
  expect(stack.sandbox.stats.count('POST /kigo/api/v1/wallet/tokens/')).toBe(2);
  expect(kigoCalls(stack, 'POST /wallet/tokens/:tokenId/share')).toBe(2);
});

it('ends a persistent 401 in UPSTREAM_UNAVAILABLE after one renewal and one retry, not a loop', async () => {
  const viewer = freshUser('locked-out');
  await walletOf(viewer);
  await stack.control('POST', '/_sandbox/faults', { provider: 'kigo', method: 'GET', path: '/wallet/tokens$', status: 401, body: { error: { code: 'unauthorized', message: 'no' } } });
  stack.sandbox.stats.clear();
  const res = await walletOf(viewer);
  expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', provider: 'KIGO' });
  expect(kigoCalls(stack, 'GET /wallet/tokens')).toBe(2);
  expect(authCalls()).toEqual({ partner: 0, user: 0, refresh: 1 });
});
