import { useSandbox, type Answer } from '../helpers/sandbox';

/* The Kigo share lifecycle over HTTP: share, cancel, preview, claim, expiry, and every error answer. */

const sandbox = useSandbox();

function call(method: string, path: string, opts: { token?: string; body?: unknown } = {}): Promise<Answer> {
  const url = path.startsWith('/_sandbox') ? path : `${sandbox.baseUrls.kigo}${path}`;
  return sandbox.json(url, { method, token: opts.token || undefined, json: opts.body });
}

/** A fresh access token for `user` (partner session first, as the gateway does). */
async function signIn(user: string): Promise<string> {
  const { apiKey, partnerId } = sandbox.credentials.kigo;
  const partner = await call('POST', '/auth/partner', { body: { api_key: apiKey, partner_id: partnerId } });
  const session = await call('POST', '/auth/user', { token: partner.body.session_token, body: { external_user_id: user } });
  expect(session.status).toBe(200);
  return session.body.access_token;
}

async function advance(seconds: number): Promise<void> {
  expect((await call('POST', '/_sandbox/clock', { body: { advanceSeconds: seconds } })).status).toBe(200);
}

async function share(token: string, tokenId: string): Promise<string> {
  const res = await call('POST', `/wallet/tokens/${tokenId}/share`, { token });
  expect(res.status).toBe(200);
  return res.body.claim_code;
}

const ids = (answer: Answer): string[] => answer.body.data.map((t: { token_id: string }) => t.token_id);
const error = (code: string) => ({ error: { code, message: expect.any(String) } });
const INVALID_CODE = { status: 404, body: { error: { code: 'claim_code_invalid', message: 'claim code is invalid' } } };
const CLAIM_CODE = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{12,}$/;
const DAY = 24 * 3600;

describe('Kigo share', () => {
  it('issues a claim code valid for 7 days and marks the token share_pending', async () => {
    const alice = await signIn('alice');
    const before = Date.parse((await call('GET', '/_sandbox/clock')).body.now);
    const res = await call('POST', '/wallet/tokens/tok_alice_01/share', { token: alice });
    expect(res.status).toBe(200);
    expect(res.body.claim_code).toMatch(CLAIM_CODE);
    const { token } = res.body;
    expect(token).toMatchObject({ token_id: 'tok_alice_01', status: 'share_pending', supported_actions: ['cancel_share', 'reveal'] });
    expect(token.share).toEqual({ created_at: expect.any(String), expires_at: res.body.expires_at });
    const ttl = Date.parse(res.body.expires_at) - Date.parse(token.share.created_at);
    expect(ttl).toBe(7 * DAY * 1000);
    expect(Date.parse(token.share.created_at)).toBeGreaterThanOrEqual(before);
    const listed = await call('GET', '/wallet/tokens?status=share_pending', { token: alice });
    expect(ids(listed)).toEqual(['tok_alice_01']);
  });

  it('issues a different code for every share', async () => {
    const alice = await signIn('alice');
    const codes = [await share(alice, 'tok_alice_01'), await share(alice, 'tok_alice_03'), await share(alice, 'tok_alice_06')];
    expect(new Set(codes).size).toBe(3);
  });

  it('refuses a token that is not shareable, or redeemed, with 409 token_not_shareable', async () => {
    const alice = await signIn('alice');
    expect(await call('POST', '/wallet/tokens/tok_alice_02/share', { token: alice })).toEqual({ status: 409, body: error('token_not_shareable') });
    const redeemed = await call('GET', '/wallet/tokens/tok_alice_05', { token: alice });
    expect(redeemed.body).toMatchObject({ status: 'redeemed', flags: { is_shareable: true }, supported_actions: [] });
    expect(await call('POST', '/wallet/tokens/tok_alice_05/share', { token: alice })).toEqual({ status: 409, body: error('token_not_shareable') });
  });

  it('refuses a second share of a pending token with 409 token_already_shared', async () => {
    const alice = await signIn('alice');
    await share(alice, 'tok_alice_01');
    expect(await call('POST', '/wallet/tokens/tok_alice_01/share', { token: alice })).toEqual({ status: 409, body: error('token_already_shared') });
  });
});

describe('Kigo cancel', () => {
  it('puts the token back to active and kills the code', async () => {
    const [alice, bob] = [await signIn('alice'), await signIn('bob')];
    const code = await share(alice, 'tok_alice_01');
    const res = await call('DELETE', '/wallet/tokens/tok_alice_01/share', { token: alice });
    expect(res.status).toBe(200);
    expect(res.body.token).toMatchObject({ token_id: 'tok_alice_01', status: 'active', share: null });
    expect(await call('GET', `/claims/${code}`, { token: bob })).toEqual(INVALID_CODE);
    expect(await call('POST', `/claims/${code}`, { token: bob })).toEqual(INVALID_CODE);
    expect((await call('GET', '/wallet/tokens/tok_alice_01', { token: alice })).body.status).toBe('active');
  });

  it('answers 409 share_not_pending when there is no share to cancel', async () => {
    const alice = await signIn('alice');
    expect(await call('DELETE', '/wallet/tokens/tok_alice_01/share', { token: alice })).toEqual({ status: 409, body: error('share_not_pending') });
    expect(await call('DELETE', '/wallet/tokens/tok_bob_01/share', { token: alice })).toEqual({ status: 404, body: error('token_not_found') });
  });

  it('lets the owner share again after cancelling', async () => {
    const alice = await signIn('alice');
    const first = await share(alice, 'tok_alice_01');
    await call('DELETE', '/wallet/tokens/tok_alice_01/share', { token: alice });
    expect(await share(alice, 'tok_alice_01')).not.toBe(first);
  });
});

describe('Kigo claim', () => {
  it('previews the token without the sharer’s share details', async () => {
    const [alice, bob] = [await signIn('alice'), await signIn('bob')];
    const code = await share(alice, 'tok_alice_03');
    const preview = await call('GET', `/claims/${code}`, { token: bob });
    expect(preview.status).toBe(200);
    expect(preview.body.token).toMatchObject({ token_id: 'tok_alice_03', name: 'Movie Night Bundle', status: 'active', share: null });
    expect((await call('GET', '/wallet/tokens/tok_alice_03', { token: alice })).body.status).toBe('share_pending');
  });

  it("moves the token to the recipient's wallet on claim, with the same id", async () => {
    const [alice, bob] = [await signIn('alice'), await signIn('bob')];
    const code = await share(alice, 'tok_alice_03');
    const res = await call('POST', `/claims/${code}`, { token: bob });
    expect(res.status).toBe(200);
    expect(res.body.token).toMatchObject({ token_id: 'tok_alice_03', status: 'active', share: null, supported_actions: ['share'] });
    expect(await call('GET', '/wallet/tokens/tok_alice_03', { token: alice })).toEqual({ status: 404, body: error('token_not_found') });
    expect((await call('GET', '/wallet/tokens', { token: alice })).body.total).toBe(25);
    const bobs = await call('GET', '/wallet/tokens', { token: bob });
    expect(ids(bobs)).toEqual(['tok_bob_01', 'tok_bob_02', 'tok_bob_03', 'tok_bob_04', 'tok_alice_03']);
    expect(await share(bob, 'tok_alice_03')).toMatch(CLAIM_CODE);
  });

  it('accepts a code only once', async () => {
    const [alice, bob, carol] = [await signIn('alice'), await signIn('bob'), await signIn('carol')];
    const code = await share(alice, 'tok_alice_01');
    expect((await call('POST', `/claims/${code}`, { token: bob })).status).toBe(200);
    expect(await call('POST', `/claims/${code}`, { token: carol })).toEqual(INVALID_CODE);
    expect(await call('POST', `/claims/${code}`, { token: bob })).toEqual(INVALID_CODE);
  });

  it('lets exactly one of two concurrent claims win', async () => {
    const [alice, bob, carol] = [await signIn('alice'), await signIn('bob'), await signIn('carol')];
    const code = await share(alice, 'tok_alice_01');
    const answers = await Promise.all([call('POST', `/claims/${code}`, { token: bob }), call('POST', `/claims/${code}`, { token: carol })]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 404]);
  });

  it('refuses the sharer’s own claim with 409 cannot_claim_own_token and keeps the share', async () => {
    const alice = await signIn('alice');
    const code = await share(alice, 'tok_alice_01');
    expect(await call('POST', `/claims/${code}`, { token: alice })).toEqual({ status: 409, body: error('cannot_claim_own_token') });
    expect((await call('POST', `/claims/${code}`, { token: await signIn('bob') })).status).toBe(200);
  });

  it('answers unknown codes exactly like used ones, without echoing the code', async () => {
    const bob = await signIn('bob');
    expect(await call('GET', '/claims/ABCDEFGHJKMNPQRS', { token: bob })).toEqual(INVALID_CODE);
    expect(await call('POST', '/claims/ABCDEFGHJKMNPQRS', { token: bob })).toEqual(INVALID_CODE);
  });

  it('requires a user session to preview or claim', async () => {
    const code = await share(await signIn('alice'), 'tok_alice_01');
    expect(await call('POST', `/claims/${code}`)).toEqual({ status: 401, body: error('unauthorized') });
  });

  it('accepts a code typed in lower case', async () => {
    const code = await share(await signIn('alice'), 'tok_alice_01');
    expect((await call('POST', `/claims/${code.toLowerCase()}`, { token: await signIn('carol') })).status).toBe(200);
  });

  it('kills the code after 7 days and puts the token back to active', async () => {
    const code = await share(await signIn('alice'), 'tok_alice_01');
    await advance(7 * DAY - 60);
    expect((await call('GET', `/claims/${code}`, { token: await signIn('bob') })).status).toBe(200);
    await advance(61);
    const bob = await signIn('bob');
    expect(await call('GET', `/claims/${code}`, { token: bob })).toEqual(INVALID_CODE);
    expect(await call('POST', `/claims/${code}`, { token: bob })).toEqual(INVALID_CODE);
    const token = await call('GET', '/wallet/tokens/tok_alice_01', { token: await signIn('alice') });
    expect(token.body).toMatchObject({ status: 'active', share: null });
  });
});

describe('Kigo control: a pending share’s code', () => {
  it('tells the live code of a pending share, as its sharer was told it, and 404 once none is pending', async () => {
    const alice = await signIn('alice');
    const code = await share(alice, 'tok_alice_01');
    expect(await call('GET', '/_sandbox/kigo/tokens/tok_alice_01/share')).toEqual({ status: 200, body: { token_id: 'tok_alice_01', claim_code: code } });
    expect((await call('DELETE', '/wallet/tokens/tok_alice_01/share', { token: alice })).status).toBe(200);
    expect(await call('GET', '/_sandbox/kigo/tokens/tok_alice_01/share')).toEqual({ status: 404, body: error('share_not_pending') });
    expect((await call('GET', '/_sandbox/kigo/tokens/tok_nobody/share')).status).toBe(404);
  });
});
