import { startStack, type Stack } from '../helpers/stack';
import { freshUser, kigoCalls, userWithTokens } from '../helpers/kigo';
import {
  CancelTokenShareDocument,
  ClaimPreviewDocument,
  ClaimTokenDocument,
  ShareTokenDocument,
  WalletTokensDocument,
  type ClaimTokenMutation,
  type ShareTokenMutation,
  type WalletTokensQuery,
} from '../generated/graphql';

/* Safe retries (clientMutationId), races between claimers, the failed-claim limit and secret-free logs. */

const FAILURES_ALLOWED = 3;

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: { CLAIM_FAILURES_PER_WINDOW: String(FAILURES_ALLOWED), CLAIM_FAILURE_WINDOW_SECONDS: '600' } });
});
afterAll(() => stack.stop());

const shareAs = (sub: string, tokenId: string, clientMutationId?: string) =>
  stack.gql<ShareTokenMutation>(ShareTokenDocument, { input: { tokenId, clientMutationId } }, { sub });
const claimAs = (sub: string, claimCode: string, clientMutationId?: string) =>
  stack.gql<ClaimTokenMutation>(ClaimTokenDocument, { input: { claimCode, clientMutationId } }, { sub });
const previewAs = (sub: string, claimCode: string) => stack.gql(ClaimPreviewDocument, { claimCode }, { sub });

async function sharedCode(prefix: string): Promise<{ sharer: string; tokenId: string; claimCode: string }> {
  const { user, tokenIds } = await userWithTokens(stack, prefix, 1);
  const res = await shareAs(user, tokenIds[0]!);
  return { sharer: user, tokenId: tokenIds[0]!, claimCode: res.data!.shareToken.claimCode! };
}

describe('clientMutationId', () => {
  it('answers a repeated share with the first result, same claim code, acting once', async () => {
    const { user, tokenIds } = await userWithTokens(stack, 'retrier', 1);
    stack.sandbox.stats.clear();
    const results = await Promise.all(Array.from({ length: 5 }, () => shareAs(user, tokenIds[0]!, 'share-1')));
    const later = await shareAs(user, tokenIds[0]!, 'share-1');
    for (const res of [...results, later]) {
      expect(res.errors).toBeUndefined();
      expect(res.data!.shareToken).toEqual(results[0]!.data!.shareToken);
    }
    expect(results[0]!.data!.shareToken).toMatchObject({ userErrors: [], clientMutationId: 'share-1', claimCode: expect.stringMatching(/^\w{16}$/) });
    expect(kigoCalls(stack, 'POST /wallet/tokens/:tokenId/share')).toBe(1);
  });

  it('keeps each viewer and each mutation in its own id space', async () => {
    const a = await userWithTokens(stack, 'space-a', 1);
    const b = await userWithTokens(stack, 'space-b', 1);
    const shareA = await shareAs(a.user, a.tokenIds[0]!, 'same-id');
    const shareB = await shareAs(b.user, b.tokenIds[0]!, 'same-id');
    expect(shareB.data!.shareToken).toMatchObject({ userErrors: [], token: { tokenId: b.tokenIds[0] } });
    expect(shareB.data!.shareToken.claimCode).not.toBe(shareA.data!.shareToken.claimCode);
    const cancelled = await stack.gql(CancelTokenShareDocument, { input: { tokenId: a.tokenIds[0], clientMutationId: 'same-id' } }, { sub: a.user });
    expect(cancelled.data.cancelTokenShare).toMatchObject({ userErrors: [], token: { status: 'ACTIVE' } });
  });

  it('refuses a clientMutationId reused for another request instead of replaying the first result', async () => {
    const { user, tokenIds } = await userWithTokens(stack, 'reuser', 2);
    const first = await shareAs(user, tokenIds[0]!, 'reused-id');
    expect(first.data!.shareToken.userErrors).toEqual([]);
    stack.sandbox.stats.clear();
    const second = await shareAs(user, tokenIds[1]!, 'reused-id');
    expect(second.errors).toBeUndefined();
    expect(second.data!.shareToken).toMatchObject({
      token: null,
      claimCode: null,
      userErrors: [{ code: 'INVALID_INPUT', field: ['input', 'clientMutationId'] }],
    });
    expect(kigoCalls(stack, 'POST /wallet/tokens/:tokenId/share')).toBe(0);
    // The first request, repeated, still gets its own first result.
    expect((await shareAs(user, tokenIds[0]!, 'reused-id')).data).toEqual(first.data);
  });

  it('does not replay without a clientMutationId', async () => {
    const { user, tokenIds } = await userWithTokens(stack, 'plain', 1);
    expect((await shareAs(user, tokenIds[0]!)).data!.shareToken.userErrors).toEqual([]);
    expect((await shareAs(user, tokenIds[0]!)).data!.shareToken.userErrors.map((e) => e.code)).toEqual(['TOKEN_ALREADY_SHARED']);
  });

  it('answers a retried claim with the first payload, claiming once', async () => {
    const { claimCode, tokenId } = await sharedCode('claim-retry');
    const recipient = freshUser('claimer');
    stack.sandbox.stats.clear();
    const first = await claimAs(recipient, claimCode, 'claim-1');
    const retry = await claimAs(recipient, claimCode, 'claim-1');
    expect(first.data!.claimToken).toMatchObject({ userErrors: [], token: { tokenId }, clientMutationId: 'claim-1' });
    expect(retry.data).toEqual(first.data);
    expect(kigoCalls(stack, 'POST /claims/:claimCode')).toBe(1);
  });

  it('records no result for an upstream failure, so the retry acts', async () => {
    const { user, tokenIds } = await userWithTokens(stack, 'faulty', 1);
    await stack.control('POST', '/_sandbox/faults', { provider: 'kigo', method: 'POST', path: '/share$', status: 503, times: 1 });
    const failed = await shareAs(user, tokenIds[0]!, 'after-fault');
    expect(failed.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', provider: 'KIGO' });
    const retried = await shareAs(user, tokenIds[0]!, 'after-fault');
    expect(retried.data!.shareToken).toMatchObject({ userErrors: [], claimCode: expect.any(String) });
  });
});

describe('answers lost after Kigo acted', () => {
  it('a lost share answer: the retry cancels the share nobody heard of and shares again, so its code works and the lost one does not', async () => {
    const { user, tokenIds } = await userWithTokens(stack, 'lost-share', 1);
    // Kigo shares (a code exists), then the connection drops before the answer leaves.
    await stack.control('POST', '/_sandbox/faults', { provider: 'kigo', method: 'POST', path: '/share$', afterAction: true, drop: true, times: 1 });
    const lost = await shareAs(user, tokenIds[0]!, 'lost-1');
    expect(lost.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', provider: 'KIGO' });
    const lostCode = ((await stack.control('GET', `/_sandbox/kigo/tokens/${tokenIds[0]}/share`)) as { claim_code: string }).claim_code;
    stack.sandbox.stats.clear();

    const retry = await shareAs(user, tokenIds[0]!, 'lost-1');
    expect(retry.errors).toBeUndefined();
    expect(retry.data!.shareToken).toMatchObject({ userErrors: [], claimCode: expect.any(String), token: { status: 'SHARE_PENDING' } });
    const code = retry.data!.shareToken.claimCode!;
    expect(code).not.toBe(lostCode);
    expect(kigoCalls(stack, 'DELETE /wallet/tokens/:tokenId/share')).toBe(1);
    expect(kigoCalls(stack, 'POST /wallet/tokens/:tokenId/share')).toBe(1);
    expect((await shareAs(user, tokenIds[0]!, 'lost-1')).data).toEqual(retry.data);

    const recipient = freshUser('lost-share-claimer');
    expect((await previewAs(recipient, lostCode)).data.claimPreview).toBeNull();
    expect((await claimAs(recipient, code)).data!.claimToken).toMatchObject({ userErrors: [], token: { tokenId: tokenIds[0] } });
  });

  it('a lost claim answer: the token is in the claimer’s wallet, so the retry answers the claim without claiming again', async () => {
    const { claimCode, tokenId } = await sharedCode('slow-claim');
    const recipient = freshUser('slow-claimer');
    // Kigo moves the token at once and answers only after the stack's 3 s upstream timeout.
    await stack.control('POST', '/_sandbox/faults', { provider: 'kigo', method: 'POST', path: '/claims/', afterAction: true, delayMs: 4_000, times: 1 });
    const first = await claimAs(recipient, claimCode, 'slow-1');
    expect(first.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_TIMEOUT', provider: 'KIGO' });
    stack.sandbox.stats.clear();
    const retry = await claimAs(recipient, claimCode, 'slow-1');
    expect(retry.errors).toBeUndefined();
    expect(retry.data!.claimToken).toMatchObject({ userErrors: [], token: { tokenId, status: 'ACTIVE' }, clientMutationId: 'slow-1' });
    expect(kigoCalls(stack, 'POST /claims/:claimCode')).toBe(0);
    expect((await claimAs(recipient, claimCode, 'slow-1')).data).toEqual(retry.data);
  });

  it('a claim lost before Kigo acted: the retry finds the token elsewhere and claims it once', async () => {
    const { claimCode, tokenId } = await sharedCode('unclaimed');
    const recipient = freshUser('unclaimed-claimer');
    await stack.control('POST', '/_sandbox/faults', { provider: 'kigo', method: 'POST', path: '/claims/', drop: true, times: 1 });
    const first = await claimAs(recipient, claimCode, 'dropped-1');
    expect(first.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', provider: 'KIGO' });
    const retry = await claimAs(recipient, claimCode, 'dropped-1');
    expect(retry.data!.claimToken).toMatchObject({ userErrors: [], token: { tokenId } });
  });

  it('a lost cancel answer: the share is gone, which is what was asked', async () => {
    const { user, tokenIds } = await userWithTokens(stack, 'lost-cancel', 1);
    await shareAs(user, tokenIds[0]!);
    await stack.control('POST', '/_sandbox/faults', { provider: 'kigo', method: 'DELETE', path: '/share$', afterAction: true, drop: true, times: 1 });
    const cancel = () => stack.gql(CancelTokenShareDocument, { input: { tokenId: tokenIds[0], clientMutationId: 'cancel-1' } }, { sub: user });
    expect((await cancel()).errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', provider: 'KIGO' });
    expect((await cancel()).data.cancelTokenShare).toMatchObject({ userErrors: [], token: { tokenId: tokenIds[0], status: 'ACTIVE' } });
  });
});

describe('racing claimers', () => {
  it('lets exactly one of two viewers claiming one code at once win', async () => {
    const { claimCode, tokenId, sharer } = await sharedCode('contested');
    const [x, y] = [freshUser('racer-x'), freshUser('racer-y')];
    const results = await Promise.all([claimAs(x, claimCode), claimAs(y, claimCode)]);
    const outcomes = results.map((r) => r.data!.claimToken.userErrors.map((e) => e.code).join() || r.data!.claimToken.token!.tokenId);
    expect(outcomes.sort()).toEqual(['CLAIM_CODE_INVALID', tokenId].sort());
    const holders = await Promise.all(
      [sharer, x, y].map(async (sub) => (await stack.gql<WalletTokensQuery>(WalletTokensDocument, {}, { sub })).data!.viewer.tokens.totalCount),
    );
    expect(holders[0]).toBe(0);
    expect(holders[1]! + holders[2]!).toBe(1);
  });
});

describe('failed claim limit', () => {
  it('answers RATE_LIMITED after the allowed failures, without asking Kigo, even for a good code', async () => {
    const guesser = freshUser('guesser');
    stack.sandbox.stats.clear();
    for (let i = 0; i < FAILURES_ALLOWED; i++) {
      expect((await claimAs(guesser, `WRONGCODE${i}AAAAAAA`)).data!.claimToken.userErrors[0]!.code).toBe('CLAIM_CODE_INVALID');
    }
    const { claimCode } = await sharedCode('tempting');
    const limited = await claimAs(guesser, claimCode);
    expect(limited.data).toBeUndefined();
    expect(limited.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    expect(limited.errors![0]!.extensions!.retryAfterSeconds).toBeGreaterThan(590);
    expect(JSON.stringify(limited)).not.toContain(claimCode);
    expect((await previewAs(guesser, claimCode)).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(kigoCalls(stack, 'POST /claims/:claimCode')).toBe(FAILURES_ALLOWED);
    expect(kigoCalls(stack, 'GET /claims/:claimCode')).toBe(0);
    // Another viewer is not held back by this one's failures.
    expect((await claimAs(freshUser('innocent'), claimCode)).data!.claimToken.userErrors).toEqual([]);
  });

  it('counts a preview of an unknown code as a failure, and successes not at all', async () => {
    const viewer = freshUser('previewer');
    for (let i = 0; i < FAILURES_ALLOWED + 2; i++) {
      const { claimCode } = await sharedCode(`gift-${i}`);
      expect((await previewAs(viewer, claimCode)).data.claimPreview).not.toBeNull();
      expect((await claimAs(viewer, claimCode)).data!.claimToken.userErrors).toEqual([]);
    }
    for (let i = 0; i < FAILURES_ALLOWED - 1; i++) expect((await previewAs(viewer, `NOSUCHCODE${i}AAAAAA`)).data.claimPreview).toBeNull();
    expect((await claimAs(viewer, 'NOSUCHCODEXAAAAAA')).data!.claimToken.userErrors[0]!.code).toBe('CLAIM_CODE_INVALID');
    expect((await previewAs(viewer, 'NOSUCHCODEYAAAAAA')).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });

  it('lets no more than the allowed failures through when many guesses arrive at once', async () => {
    const viewer = freshUser('burst');
    stack.sandbox.stats.clear();
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => claimAs(viewer, `BURSTGUESS${i}AAAAAA`)));
    const invalid = results.filter((r) => r.data?.claimToken.userErrors[0]?.code === 'CLAIM_CODE_INVALID').length;
    const limited = results.filter((r) => r.errors?.[0]?.extensions?.code === 'RATE_LIMITED').length;
    expect({ invalid, limited }).toEqual({ invalid: FAILURES_ALLOWED, limited: 10 - FAILURES_ALLOWED });
    expect(kigoCalls(stack, 'POST /claims/:claimCode')).toBe(FAILURES_ALLOWED);
  });
});

describe('logs', () => {
  it('never contain a claim code or a Kigo session token through a full share, preview, claim and cancel flow', async () => {
    const { user: sharer, tokenIds } = await userWithTokens(stack, 'logged', 2);
    const recipient = freshUser('logged-recipient');
    const codes: string[] = [];
    const first = await shareAs(sharer, tokenIds[0]!, 'log-share-1');
    codes.push(first.data!.shareToken.claimCode!);
    await shareAs(sharer, tokenIds[0]!, 'log-share-1');
    await previewAs(recipient, codes[0]!);
    await claimAs(recipient, codes[0]!, 'log-claim-1');
    await claimAs(recipient, codes[0]!);
    const second = await shareAs(sharer, tokenIds[1]!);
    codes.push(second.data!.shareToken.claimCode!);
    await stack.gql(CancelTokenShareDocument, { input: { tokenId: tokenIds[1] } }, { sub: sharer });
    await claimAs(recipient, codes[1]!);
    await stack.control('POST', '/_sandbox/faults', { provider: 'kigo', method: 'POST', path: '/claims/', status: 500, times: 1, body: { error: { code: 'boom', message: `failed for ${codes[1]}` } } });
    expect((await claimAs(freshUser('unlucky'), codes[1]!)).errors?.[0]?.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');

    const logs = stack.logs();
    expect(logs).toContain('ShareToken');
    expect(logs).toContain('ClaimToken');
    for (const code of codes) {
      expect(logs).not.toContain(code);
      expect(logs.toLowerCase()).not.toContain(code.toLowerCase());
    }
    expect(logs).not.toMatch(/k(ps|ua|ur)_[A-Za-z0-9_-]{20,}/);
  });
});
