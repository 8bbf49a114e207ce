import { useSandbox, type Answer } from '../helpers/sandbox';

/* Drives the emulated Kigo over HTTP exactly as the gateway's client would. */

const sandbox = useSandbox();

function call(method: string, path: string, opts: { token?: string; body?: unknown; raw?: string } = {}): Promise<Answer> {
  const url = path.startsWith('/_sandbox') ? path : `${sandbox.baseUrls.kigo}${path}`;
  return sandbox.json(url, { method, token: opts.token || undefined, ...(opts.raw === undefined ? { json: opts.body } : { body: opts.raw }) });
}

async function partnerToken(): Promise<string> {
  const { apiKey, partnerId } = sandbox.credentials.kigo;
  const res = await call('POST', '/auth/partner', { body: { api_key: apiKey, partner_id: partnerId } });
  expect(res.status).toBe(200);
  return res.body.session_token;
}

async function signIn(user: string): Promise<{ access: string; refresh: string }> {
  const res = await call('POST', '/auth/user', { token: await partnerToken(), body: { external_user_id: user } });
  expect(res.status).toBe(200);
  return { access: res.body.access_token, refresh: res.body.refresh_token };
}

async function advance(seconds: number): Promise<void> {
  expect((await call('POST', '/_sandbox/clock', { body: { advanceSeconds: seconds } })).status).toBe(200);
}

const ids = (answer: Answer): string[] => answer.body.data.map((t: { token_id: string }) => t.token_id);
const error = (code: string, message: string | RegExp = expect.any(String)) => ({ error: { code, message } });

describe('Kigo sessions', () => {
  it('opens a 30-minute partner session with the sandbox credentials', async () => {
    const { apiKey, partnerId } = sandbox.credentials.kigo;
    const res = await call('POST', '/auth/partner', { body: { api_key: apiKey, partner_id: partnerId } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ session_token: expect.any(String), expires_in: 1800 });
    expect(res.body.session_token.length).toBeGreaterThanOrEqual(32);
  });

  it('refuses a wrong api key with 401 unauthorized', async () => {
    const res = await call('POST', '/auth/partner', { body: { api_key: 'nope', partner_id: sandbox.credentials.kigo.partnerId } });
    expect(res).toEqual({ status: 401, body: error('unauthorized') });
  });

  it('names the missing field of a partner session request', async () => {
    const res = await call('POST', '/auth/partner', { body: { partner_id: 'x' } });
    expect(res.status).toBe(400);
    expect(res.body).toEqual(error('invalid_request', expect.stringMatching(/api_key/)));
  });

  it('answers malformed JSON with 400 in the error shape', async () => {
    const res = await call('POST', '/auth/partner', { raw: '{"api_key":' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code: expect.any(String), message: expect.any(String) } });
  });

  it('opens a user session with a partner session and answers both lifetimes', async () => {
    const res = await call('POST', '/auth/user', { token: await partnerToken(), body: { external_user_id: 'alice' } });
    expect(res.body).toEqual({
      access_token: expect.any(String),
      expires_in: 3600,
      refresh_token: expect.any(String),
      refresh_expires_in: 31_536_000,
    });
    expect(res.body.access_token).not.toBe(res.body.refresh_token);
  });

  it('requires a partner session to open a user session', async () => {
    expect(await call('POST', '/auth/user', { body: { external_user_id: 'alice' } })).toEqual({ status: 401, body: error('unauthorized') });
    const { access } = await signIn('alice');
    expect((await call('POST', '/auth/user', { token: access, body: { external_user_id: 'alice' } })).status).toBe(401);
  });

  it('expires the partner session after 30 minutes', async () => {
    const partner = await partnerToken();
    await advance(1801);
    const res = await call('POST', '/auth/user', { token: partner, body: { external_user_id: 'alice' } });
    expect(res).toEqual({ status: 401, body: error('token_expired') });
  });

  it('gives every session its own random token', async () => {
    const [a, b] = [await signIn('alice'), await signIn('alice')];
    expect(new Set([a.access, a.refresh, b.access, b.refresh]).size).toBe(4);
  });

  it('creates an empty wallet for a new user', async () => {
    const { access } = await signIn('newcomer');
    expect((await call('GET', '/wallet/tokens', { token: access })).body).toEqual({ data: [], total: 0, offset: 0, limit: 20 });
  });

  it('expires the access token after one hour with 401 token_expired', async () => {
    const { access } = await signIn('alice');
    await advance(3599);
    expect((await call('GET', '/wallet/tokens', { token: access })).status).toBe(200);
    await advance(2);
    expect(await call('GET', '/wallet/tokens', { token: access })).toEqual({ status: 401, body: error('token_expired') });
  });

  it('refuses wallet calls without a user access token', async () => {
    expect(await call('GET', '/wallet/tokens')).toEqual({ status: 401, body: error('unauthorized') });
    expect((await call('GET', '/wallet/tokens', { token: 'made-up' })).body).toEqual(error('unauthorized'));
    expect((await call('GET', '/wallet/tokens', { token: await partnerToken() })).status).toBe(401);
  });

  it('rotates the refresh token: the new pair works and the old refresh token is dead', async () => {
    const first = await signIn('alice');
    await advance(3601);
    const refreshed = await call('POST', '/auth/user/refresh', { body: { refresh_token: first.refresh } });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).toEqual({ access_token: expect.any(String), expires_in: 3600, refresh_token: expect.any(String), refresh_expires_in: 31_536_000 });
    expect(refreshed.body.refresh_token).not.toBe(first.refresh);
    expect((await call('GET', '/wallet/tokens', { token: refreshed.body.access_token })).body.total).toBe(26);
    expect(await call('POST', '/auth/user/refresh', { body: { refresh_token: first.refresh } })).toEqual({ status: 401, body: error('unauthorized') });
    expect((await call('POST', '/auth/user/refresh', { body: { refresh_token: refreshed.body.refresh_token } })).status).toBe(200);
  });

  it('expires the refresh token after a year', async () => {
    const { refresh } = await signIn('alice');
    await advance(31_536_001);
    expect(await call('POST', '/auth/user/refresh', { body: { refresh_token: refresh } })).toEqual({ status: 401, body: error('token_expired') });
  });
});

describe('Kigo wallet', () => {
  it('pages through alice’s 26 tokens in wallet order', async () => {
    const { access } = await signIn('alice');
    const first = await call('GET', '/wallet/tokens', { token: access });
    expect(first.body).toMatchObject({ total: 26, offset: 0, limit: 20 });
    expect(first.body.data).toHaveLength(20);
    const second = await call('GET', '/wallet/tokens?offset=20&limit=20', { token: access });
    expect(second.body).toMatchObject({ total: 26, offset: 20, limit: 20 });
    const all = [...ids(first), ...ids(second)];
    expect(all).toEqual(Array.from({ length: 26 }, (_, i) => `tok_alice_${String(i + 1).padStart(2, '0')}`));
    const small = await call('GET', '/wallet/tokens?offset=3&limit=2', { token: access });
    expect(ids(small)).toEqual(['tok_alice_04', 'tok_alice_05']);
    expect((await call('GET', '/wallet/tokens?offset=40', { token: access })).body).toEqual({ data: [], total: 26, offset: 40, limit: 20 });
  });

  it.each(['limit=101', 'limit=-1', 'limit=2.5', 'limit=0', 'limit=ten', 'offset=-3'])('rejects %s with 400 invalid_request', async (query) => {
    const { access } = await signIn('alice');
    const res = await call('GET', `/wallet/tokens?${query}`, { token: access });
    expect(res.status).toBe(400);
    expect(res.body).toEqual(error('invalid_request', expect.stringContaining(query.split('=')[0]!)));
  });

  it('filters by status and counts only matching tokens', async () => {
    const { access } = await signIn('alice');
    expect((await call('GET', '/wallet/tokens?status=redeemed', { token: access })).body).toMatchObject({ total: 1, data: [{ token_id: 'tok_alice_05', status: 'redeemed' }] });
    expect((await call('GET', '/wallet/tokens?status=active', { token: access })).body.total).toBe(25);
    expect((await call('GET', '/wallet/tokens?status=lost', { token: access })).body).toEqual(error('invalid_request', expect.stringMatching(/status/)));
  });

  it('answers the token object of kigo.md', async () => {
    const { access } = await signIn('alice');
    const res = await call('GET', '/wallet/tokens/tok_alice_01', { token: access });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      token_id: 'tok_alice_01',
      name: 'Blue Bottle Coffee Gift Card',
      description: expect.any(String),
      type: 'gift_card',
      media: { image_url: expect.stringMatching(/^https:\/\//) },
      value: { amount: '25.00', currency: 'USD' },
      expires_at: '2031-12-31T23:59:59.000Z',
      status: 'active',
      flags: { is_shareable: true, is_revealable: true },
      supported_actions: ['share', 'reveal'],
      share: null,
    });
    expect((await call('GET', '/wallet/tokens/tok_alice_04', { token: access })).body).toMatchObject({ type: 'merchandise', value: null, expires_at: null });
  });

  it('flags which tokens are revealable and offers reveal only on those that are not redeemed', async () => {
    const { access } = await signIn('alice');
    const page = (await call('GET', '/wallet/tokens?limit=6', { token: access })).body.data;
    expect(page.map((t: { flags: object; supported_actions: string[] }) => [t.flags, t.supported_actions])).toEqual([
      [{ is_shareable: true, is_revealable: true }, ['share', 'reveal']],
      [{ is_shareable: false, is_revealable: false }, []],
      [{ is_shareable: true, is_revealable: false }, ['share']],
      [{ is_shareable: false, is_revealable: false }, []],
      [{ is_shareable: true, is_revealable: true }, []],
      [{ is_shareable: true, is_revealable: false }, ['share']],
    ]);
    expect(page[4].status).toBe('redeemed');
  });

  it('answers 404 token_not_found for unknown tokens and for tokens in another wallet', async () => {
    const { access } = await signIn('bob');
    expect(await call('GET', '/wallet/tokens/tok_alice_01', { token: access })).toEqual({ status: 404, body: error('token_not_found') });
    expect(await call('GET', '/wallet/tokens/tok_nope', { token: access })).toEqual({ status: 404, body: error('token_not_found') });
    expect((await call('POST', '/wallet/tokens/tok_alice_01/share', { token: access })).status).toBe(404);
  });

  it('seeds bob and carol with a few tokens, some shareable', async () => {
    for (const [user, count] of [['bob', 4], ['carol', 3]] as const) {
      const res = await call('GET', '/wallet/tokens', { token: (await signIn(user)).access });
      expect(res.body.total).toBe(count);
      const shareable = res.body.data.map((t: { flags: { is_shareable: boolean } }) => t.flags.is_shareable);
      expect(shareable).toContain(true);
      expect(shareable).toContain(false);
    }
  });
});

describe('Kigo control API', () => {
  it('puts a token into a new user’s wallet', async () => {
    const res = await call('POST', '/_sandbox/kigo/users/dave/tokens', { body: { name: 'Pizza Offer', kind: 'OFFER', isShareable: false, value: '12.5' } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ token_id: 'tok_new_0001', name: 'Pizza Offer', type: 'offer', value: { amount: '12.50', currency: 'USD' }, status: 'active', flags: { is_shareable: false } });
    const wallet = await call('GET', '/wallet/tokens', { token: (await signIn('dave')).access });
    expect(ids(wallet)).toEqual(['tok_new_0001']);
  });

  it('defaults to a shareable gift card and appends to an existing wallet', async () => {
    const res = await call('POST', '/_sandbox/kigo/users/bob/tokens', { body: { name: 'Extra', value: { amount: 5, currency: 'eur' } } });
    expect(res.body).toMatchObject({ type: 'gift_card', flags: { is_shareable: true }, value: { amount: '5.00', currency: 'EUR' } });
    const wallet = await call('GET', '/wallet/tokens', { token: (await signIn('bob')).access });
    expect(ids(wallet).at(-1)).toBe(res.body.token_id);
    const bare = await call('POST', '/_sandbox/kigo/users/bob/tokens', { body: { name: 'Bare' } });
    expect(bare.body).toMatchObject({ type: 'gift_card', value: null, flags: { is_shareable: true } });
  });

  it('names the bad field with 400', async () => {
    const badKind = await call('POST', '/_sandbox/kigo/users/dave/tokens', { body: { name: 'x', kind: 'coupon' } });
    expect(badKind).toEqual({ status: 400, body: error('invalid_request', expect.stringMatching(/kind/)) });
    const noName = await call('POST', '/_sandbox/kigo/users/dave/tokens', { body: { isShareable: 'yes' } });
    expect(noName.body.error.message).toMatch(/name/);
    expect(noName.body.error.message).toMatch(/isShareable/);
  });

  it('forgets created tokens, accounts and sessions on reset', async () => {
    await call('POST', '/_sandbox/kigo/users/dave/tokens', { body: { name: 'Gone soon' } });
    const alice = await signIn('alice');
    await call('POST', '/_sandbox/reset');
    expect((await call('GET', '/wallet/tokens', { token: alice.access })).status).toBe(401);
    expect((await call('GET', '/wallet/tokens', { token: (await signIn('dave')).access })).body.total).toBe(0);
  });

  it('counts wire calls under their route templates, error answers included', async () => {
    const { access } = await signIn('bob');
    await call('GET', '/wallet/tokens/tok_bob_01', { token: access });
    await call('GET', '/wallet/tokens/tok_alice_01', { token: access });
    await call('POST', '/claims/ABCDEFGHJKMN', { token: access });
    const requests = (await call('GET', '/_sandbox/stats')).body.requests;
    expect(requests['GET /kigo/api/v1/wallet/tokens/:tokenId']).toBe(2);
    expect(requests['POST /kigo/api/v1/claims/:claimCode']).toBe(1);
    expect(requests['POST /kigo/api/v1/auth/user']).toBe(1);
  });
});
