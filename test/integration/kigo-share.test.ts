import { startStack, type Stack } from '../helpers/stack';
import { freshUser, kigoCalls, userWithTokens } from '../helpers/kigo';
import {
  CancelTokenShareDocument,
  ClaimPreviewDocument,
  ClaimTokenDocument,
  ShareTokenDocument,
  TokenNodeDocument,
  WalletTokensDocument,
  type CancelTokenShareMutation,
  type ClaimPreviewQuery,
  type ClaimTokenMutation,
  type ShareTokenMutation,
  type TokenNodeQuery,
  type WalletTokensQuery,
} from '../generated/graphql';
import { toGlobalId } from '../../src/schema/global-id';

/* Share, cancel, claim and claimPreview through the API, with every userError the contract names. */

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());

async function share(sub: string, tokenId: string) {
  const res = await stack.gql<ShareTokenMutation>(ShareTokenDocument, { input: { tokenId } }, { sub });
  expect(res.errors).toBeUndefined();
  return res.data!.shareToken;
}
async function cancel(sub: string, tokenId: string) {
  const res = await stack.gql<CancelTokenShareMutation>(CancelTokenShareDocument, { input: { tokenId } }, { sub });
  expect(res.errors).toBeUndefined();
  return res.data!.cancelTokenShare;
}
async function claim(sub: string, claimCode: string) {
  const res = await stack.gql<ClaimTokenMutation>(ClaimTokenDocument, { input: { claimCode } }, { sub });
  expect(res.errors).toBeUndefined();
  return res.data!.claimToken;
}
async function preview(sub: string, claimCode: string) {
  return stack.gql<ClaimPreviewQuery>(ClaimPreviewDocument, { claimCode }, { sub });
}
async function walletIds(sub: string): Promise<string[]> {
  const res = await stack.gql<WalletTokensQuery>(WalletTokensDocument, { first: 100 }, { sub });
  expect(res.errors).toBeUndefined();
  return res.data!.viewer.tokens.nodes.map((n) => n.tokenId);
}
const codes = (payload: { userErrors: Array<{ code: string }> }) => payload.userErrors.map((e) => e.code);

describe('shareToken', () => {
  it('issues a claim code, by global id or by Kigo id, and marks the token SHARE_PENDING', async () => {
    const { user, tokenIds } = await userWithTokens(stack, 'sharer', 2);
    const byGlobalId = await share(user, toGlobalId('Token', tokenIds[0]!));
    expect(byGlobalId.userErrors).toEqual([]);
    expect(byGlobalId.claimCode).toMatch(/^[23456789A-HJ-NP-Z]{16}$/);
    const expires = Date.parse(byGlobalId.claimExpiresAt!);
    expect(expires - Date.now()).toBeGreaterThan(7 * 24 * 3600_000 - 60_000);
    expect(byGlobalId.token).toMatchObject({ tokenId: tokenIds[0], status: 'SHARE_PENDING', pendingShare: { expiresAt: byGlobalId.claimExpiresAt } });

    const byKigoId = await share(user, tokenIds[1]!);
    expect(byKigoId).toMatchObject({ userErrors: [], token: { tokenId: tokenIds[1], status: 'SHARE_PENDING' } });
    expect(byKigoId.claimCode).not.toBe(byGlobalId.claimCode);

    const pending = await stack.gql<WalletTokensQuery>(WalletTokensDocument, { status: 'SHARE_PENDING' }, { sub: user });
    expect(pending.data!.viewer.tokens.nodes.map((n) => n.tokenId)).toEqual(tokenIds);
  });

  it('answers TOKEN_NOT_SHAREABLE for a token not flagged shareable and for a redeemed one, showing the token', async () => {
    const { user, tokenIds } = await userWithTokens(stack, 'keeper', 1, { isShareable: false });
    const notShareable = await share(user, tokenIds[0]!);
    expect(notShareable).toMatchObject({ claimCode: null, claimExpiresAt: null, token: { tokenId: tokenIds[0], status: 'ACTIVE', flags: { isShareable: false } } });
    expect(notShareable.userErrors).toEqual([{ code: 'TOKEN_NOT_SHAREABLE', message: expect.any(String), field: ['input', 'tokenId'] }]);
    const redeemed = await share('alice', 'tok_alice_05');
    expect(codes(redeemed)).toEqual(['TOKEN_NOT_SHAREABLE']);
    expect(redeemed.token).toMatchObject({ status: 'REDEEMED' });
  });

  it('answers TOKEN_ALREADY_SHARED for a second share, without a new code', async () => {
    const { user, tokenIds } = await userWithTokens(stack, 'twice', 1);
    await share(user, tokenIds[0]!);
    const again = await share(user, tokenIds[0]!);
    expect(codes(again)).toEqual(['TOKEN_ALREADY_SHARED']);
    expect(again).toMatchObject({ claimCode: null, token: { status: 'SHARE_PENDING' } });
  });

  it("answers NOT_FOUND for someone else's token exactly as for a token that does not exist", async () => {
    const { user } = await userWithTokens(stack, 'snoop', 0);
    const theirs = await share(user, 'tok_carol_03');
    const missing = await share(user, 'tok_missing_01');
    expect(theirs).toEqual({ ...missing, userErrors: missing.userErrors });
    expect(theirs).toMatchObject({ token: null, claimCode: null, userErrors: [{ code: 'NOT_FOUND', field: ['input', 'tokenId'] }] });
    expect(codes(await share(user, toGlobalId('Token', 'tok_carol_03')))).toEqual(['NOT_FOUND']);
  });

  it('answers INVALID_INPUT for a token id that could be neither kind, without asking Kigo', async () => {
    stack.sandbox.stats.clear();
    for (const tokenId of ['', '   ', '../auth/partner', 'a/b', '%2e%2e']) {
      expect(codes(await share('alice', tokenId))).toEqual(['INVALID_INPUT']);
    }
    expect(kigoCalls(stack, 'POST /wallet/tokens/:tokenId/share')).toBe(0);
  });
});

describe('cancelTokenShare', () => {
  it('puts the token back to ACTIVE and kills the old code', async () => {
    const { user, tokenIds } = await userWithTokens(stack, 'canceller', 1);
    const shared = await share(user, tokenIds[0]!);
    const cancelled = await cancel(user, toGlobalId('Token', tokenIds[0]!));
    expect(cancelled).toMatchObject({ userErrors: [], token: { tokenId: tokenIds[0], status: 'ACTIVE', pendingShare: null } });
    const recipient = freshUser('late');
    expect(codes(await claim(recipient, shared.claimCode!))).toEqual(['CLAIM_CODE_INVALID']);
    expect((await preview(recipient, shared.claimCode!)).data!.claimPreview).toBeNull();
    expect(await walletIds(user)).toEqual(tokenIds);
  });

  it('answers SHARE_NOT_PENDING when nothing is shared, and NOT_FOUND for a token not held', async () => {
    const { user, tokenIds } = await userWithTokens(stack, 'idle', 1);
    const notPending = await cancel(user, tokenIds[0]!);
    expect(notPending).toMatchObject({ userErrors: [{ code: 'SHARE_NOT_PENDING' }], token: { tokenId: tokenIds[0], status: 'ACTIVE' } });
    expect(await cancel(user, 'tok_bob_01')).toMatchObject({ token: null, userErrors: [{ code: 'NOT_FOUND' }] });
  });
});

describe('claimToken and claimPreview', () => {
  it('previews without claiming, then moves the token from the sharer to the recipient', async () => {
    const { user: sharer, tokenIds } = await userWithTokens(stack, 'giver', 2);
    const recipient = freshUser('taker');
    const { claimCode } = await share(sharer, tokenIds[1]!);

    const shown = await preview(recipient, claimCode!);
    expect(shown.errors).toBeUndefined();
    expect(shown.data!.claimPreview).toMatchObject({ tokenId: tokenIds[1], name: 'Test gift card 2', value: { amount: '12.00', currency: 'USD' }, status: 'ACTIVE', pendingShare: null });
    expect(await walletIds(sharer)).toEqual(tokenIds);
    expect(await walletIds(recipient)).toEqual([]);

    const claimed = await claim(recipient, `  ${claimCode}  `);
    expect(claimed).toMatchObject({ userErrors: [], token: { tokenId: tokenIds[1], status: 'ACTIVE', pendingShare: null } });
    expect(await walletIds(sharer)).toEqual([tokenIds[0]]);
    expect(await walletIds(recipient)).toEqual([tokenIds[1]]);

    const id = toGlobalId('Token', tokenIds[1]!);
    expect((await stack.gql<TokenNodeQuery>(TokenNodeDocument, { id }, { sub: sharer })).data!.node).toBeNull();
    expect((await stack.gql<TokenNodeQuery>(TokenNodeDocument, { id }, { sub: recipient })).data!.node).toMatchObject({ tokenId: tokenIds[1] });

    expect(codes(await claim(freshUser('third'), claimCode!))).toEqual(['CLAIM_CODE_INVALID']);
  });

  it('answers CANNOT_CLAIM_OWN_TOKEN to the sharer, who keeps the pending share', async () => {
    const { user, tokenIds } = await userWithTokens(stack, 'self', 1);
    const { claimCode } = await share(user, tokenIds[0]!);
    const own = await claim(user, claimCode!);
    expect(own).toMatchObject({ token: null, userErrors: [{ code: 'CANNOT_CLAIM_OWN_TOKEN', field: ['input', 'claimCode'] }] });
    expect((await preview(user, claimCode!)).data!.claimPreview).toMatchObject({ tokenId: tokenIds[0] });
    expect(codes(await claim(freshUser('other'), claimCode!))).toEqual([]);
  });

  it('answers CLAIM_CODE_INVALID for unknown and impossible codes, never repeating the code', async () => {
    stack.sandbox.stats.clear();
    const viewer = freshUser('guesser');
    const unknown = await claim(viewer, 'ABCDEFGHJKMNPQRS');
    expect(unknown).toEqual({ token: null, clientMutationId: null, userErrors: [{ code: 'CLAIM_CODE_INVALID', message: expect.any(String), field: ['input', 'claimCode'] }] });
    expect(JSON.stringify(unknown)).not.toContain('ABCDEFGHJKMNPQRS');
    expect(kigoCalls(stack, 'POST /claims/:claimCode')).toBe(1);
    // Any printable code is Kigo's to judge ([model] format), sent as one path segment: slashes, dots,
    // spaces and other scripts reach the claim route and nothing else.
    const partnerLogins = kigoCalls(stack, 'POST /auth/partner');
    for (const code of ['../../auth/partner', 'gift card 7', 'ÇÓDIGO-ß-42', 'a?b#c%2F']) expect(codes(await claim(viewer, code))).toEqual(['CLAIM_CODE_INVALID']);
    expect(kigoCalls(stack, 'POST /claims/:claimCode')).toBe(5);
    expect(kigoCalls(stack, 'POST /auth/partner')).toBe(partnerLogins);
    // What cannot be a code Kigo can be asked about fails the same way, without a call.
    for (const code of ['..', 'line\nbreak', 'x'.repeat(257)]) expect(codes(await claim(viewer, code))).toEqual(['CLAIM_CODE_INVALID']);
    expect(kigoCalls(stack, 'POST /claims/:claimCode')).toBe(5);
    expect(codes(await claim(viewer, '  '))).toEqual(['INVALID_INPUT']);
  });

  it('previews null for an unknown code and refuses an empty one', async () => {
    const viewer = freshUser('peeker');
    expect((await preview(viewer, 'ZZZZZZZZZZZZZZZZ')).data!.claimPreview).toBeNull();
    expect((await preview(viewer, '')).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
