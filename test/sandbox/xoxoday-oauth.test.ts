import { useSandbox } from '../helpers/sandbox';
import { xoxodayOAuth } from '../helpers/xoxoday-sandbox';

const sandbox = useSandbox();
const { call, authorizeUrl, authorize, exchange, refresh, login } = xoxodayOAuth(sandbox);
const { advance } = sandbox;

const DAY_S = 86_400;

const validate = (token: string) => call('/xoxoday/chef/v1/oauth/token', { token });
const getBalance = (token: string) =>
  call('/xoxoday/chef/v1/oauth/api', { token, body: { query: 'plumProAPI.query.getBalance', tag: 'plumProAPI', variables: { data: {} } } });

describe('Xoxoday sandbox: authorization step', () => {
  it('consents at once and redirects to the registered URI with a code and the state', async () => {
    const res = await fetch(authorizeUrl(), { redirect: 'manual' });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(sandbox.credentials.xoxoday.redirectUri);
    expect(location.searchParams.get('state')).toBe('st-1');
    // The seed's example code is 33 characters of (masked) lowercase hex.
    expect(location.searchParams.get('code')).toMatch(/^[0-9a-f]{33}$/);
  });

  it.each([
    ['an unknown client', { client_id: 'someone-else' }, 'invalid_client'],
    ['a redirect_uri other than the registered one', { redirect_uri: 'https://evil.example/cb' }, 'invalid_request'],
    ['a response_type other than code', { response_type: 'token' }, 'unsupported_response_type'],
  ])('answers 400 without redirecting for %s', async (_what, overrides, error) => {
    const res = await fetch(authorizeUrl(overrides), { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    expect(((await res.json()) as { error: string }).error).toBe(error);
  });
});

describe('Xoxoday sandbox: token exchange', () => {
  it('exchanges a code for a 30-day company session', async () => {
    const res = await exchange(await authorize());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      access_token: expect.any(String),
      token_type: 'bearer',
      expires_in: 30 * DAY_S,
      refresh_token: expect.any(String),
      email: expect.stringContaining('@'),
    });
    expect(res.body.access_token.length).toBeGreaterThanOrEqual(40);
  });

  it('issues access and refresh tokens shaped like the seed’s examples', async () => {
    const now = Date.parse((await call('/_sandbox/clock')).body.now);
    const { access_token, refresh_token } = (await exchange(await authorize())).body;
    expect(refresh_token).toMatch(/^[0-9a-f]{40}$/);
    expect(access_token).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    const decoded = JSON.parse(Buffer.from(access_token, 'base64').toString('utf8'));
    expect(decoded).toEqual({
      tokenContent: { issuedFor: expect.any(String), scope: '', issuedAt: expect.any(Number), expiresAt: expect.any(String), token_type: 'COMPANY' },
      a_t: expect.stringMatching(/^[0-9a-f]{40}$/),
    });
    expect(decoded.tokenContent.issuedAt - now).toBeLessThan(60_000);
    expect(Date.parse(decoded.tokenContent.expiresAt) - decoded.tokenContent.issuedAt).toBe(30 * DAY_S * 1000);
    const user = JSON.parse(Buffer.from((await exchange(await authorize(), 'user')).body.access_token, 'base64').toString('utf8'));
    expect(user.tokenContent.token_type).toBe('USER');
  });

  it('issues 15-day user sessions on the user path', async () => {
    const res = await exchange(await authorize(), 'user');
    expect(res.status).toBe(200);
    expect(res.body.expires_in).toBe(15 * DAY_S);
  });

  it('accepts a code only once', async () => {
    const code = await authorize();
    expect((await exchange(code)).status).toBe(200);
    const again = await exchange(code);
    expect(again.status).toBe(400);
    expect(again.body.error).toBe('invalid_grant');
  });

  it('lets a code die after 5 minutes on the sandbox clock', async () => {
    const early = await authorize();
    const code = await authorize();
    await advance(5 * 60 - 2);
    expect((await exchange(early)).status).toBe(200);
    await advance(3);
    const res = await exchange(code);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_grant');
  });

  it('refuses a bad client secret or a different redirect_uri with invalid_grant', async () => {
    const code = await authorize();
    expect((await exchange(code, 'company', { client_secret: 'wrong' })).body.error).toBe('invalid_grant');
    const other = await exchange(code, 'company', { redirect_uri: 'http://127.0.0.1/other' });
    expect(other.status).toBe(400);
    expect(other.body.error).toBe('invalid_grant');
  });

  it('refuses an unknown grant type', async () => {
    const res = await call('/xoxoday/chef/v1/oauth/token/company', { body: { grant_type: 'password' } });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('unsupported_grant_type');
  });
});

describe('Xoxoday sandbox: refresh with rotation', () => {
  it('answers the fields of the seed’s refresh example only, kills the old refresh token and keeps the old access token', async () => {
    const first = await login();
    const renewed = await refresh(first.refresh_token);
    expect(renewed).toEqual({
      status: 200,
      body: { access_token: expect.any(String), token_type: 'bearer', expires_in: 30 * DAY_S, refresh_token: expect.stringMatching(/^[0-9a-f]{40}$/) },
    });
    expect(renewed.body.refresh_token).not.toBe(first.refresh_token);
    expect(renewed.body.access_token).not.toBe(first.access_token);

    const reused = await refresh(first.refresh_token);
    expect(reused.status).toBe(400);
    expect(reused.body.error).toBe('invalid_grant');
    expect((await refresh(renewed.body.refresh_token)).status).toBe(200);
    expect((await validate(first.access_token)).status).toBe(200);
    expect((await getBalance(renewed.body.access_token)).status).toBe(200);
  });

  it('lets a company refresh token die after 60 days', async () => {
    const kept = await login();
    const { refresh_token } = await login();
    await advance(60 * DAY_S - 60);
    expect((await refresh(kept.refresh_token)).status).toBe(200);
    await advance(61);
    expect((await refresh(refresh_token)).body.error).toBe('invalid_grant');
  });

  it('answers auth.request_limit_exceeded to the 6th refresh within 60 seconds', async () => {
    let token = (await login()).refresh_token;
    for (let i = 0; i < 5; i++) {
      const res = await refresh(token);
      expect(res.status).toBe(200);
      token = res.body.refresh_token;
    }
    const limited = await refresh(token);
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ message: 'auth.request_limit_exceeded' });
    await advance(61);
    expect((await refresh(token)).status).toBe(200);
  });
});

describe('Xoxoday sandbox: validation, expiry and revocation', () => {
  it('validates a live token with the seconds it has left', async () => {
    const { access_token } = await login();
    await advance(DAY_S);
    const res = await validate(access_token);
    expect(res.status).toBe(200);
    expect(res.body.access_token).toBe(access_token);
    expect(res.body.token_type).toBe('bearer');
    expect(res.body.expires_in).toBeLessThanOrEqual(29 * DAY_S);
    expect(res.body.expires_in).toBeGreaterThan(29 * DAY_S - 60);
  });

  it('calls an unknown or 30-day-old access token invalid', async () => {
    const invalid = { error: 'invalid_token', error_description: 'invalid/expired token' };
    expect(await validate('not-a-token')).toEqual({ status: 400, body: invalid });
    const { access_token } = await login();
    await advance(30 * DAY_S);
    expect(await validate(access_token)).toEqual({ status: 400, body: invalid });
    expect(await getBalance(access_token)).toEqual({ status: 401, body: invalid });
  });

  it('refuses the Rewards API without a bearer token', async () => {
    const res = await call('/xoxoday/chef/v1/oauth/api', { body: { query: 'plumProAPI.query.getBalance', tag: 'plumProAPI' } });
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('invalid_request');
  });

  it('expires every access token on the control call, and refresh still works', async () => {
    const session = await login();
    expect((await call('/_sandbox/xoxoday/tokens/expire', { method: 'POST' })).status).toBe(200);
    expect((await getBalance(session.access_token)).body).toEqual({ error: 'invalid_token', error_description: 'invalid/expired token' });
    expect((await validate(session.access_token)).status).toBe(400);
    const renewed = await refresh(session.refresh_token);
    expect(renewed.status).toBe(200);
    expect((await getBalance(renewed.body.access_token)).status).toBe(200);
  });

  it('revokes every access and refresh token, until a new authorization', async () => {
    const session = await login();
    const other = await login('user');
    await call('/_sandbox/xoxoday/tokens/revoke', { method: 'POST' });
    const revoked = { success: 0, error_message_id: 'auth.token_error' };
    expect(await getBalance(session.access_token)).toEqual({ status: 401, body: revoked });
    expect(await validate(other.access_token)).toEqual({ status: 401, body: revoked });
    expect(await refresh(session.refresh_token)).toEqual({ status: 400, body: revoked });
    expect(await refresh(other.refresh_token, 'user')).toEqual({ status: 400, body: revoked });

    const fresh = await login();
    expect((await getBalance(fresh.access_token)).status).toBe(200);
    expect((await refresh(fresh.refresh_token)).status).toBe(200);
  });

  it('forgets every token on reset', async () => {
    const { access_token } = await login();
    await call('/_sandbox/reset', { method: 'POST' });
    expect((await validate(access_token)).status).toBe(400);
  });

  it('counts token calls under their own route templates', async () => {
    await login('user');
    const { requests } = (await call('/_sandbox/stats')).body;
    expect(requests['GET /xoxoday/chef/v1/oauth/authorize']).toBe(1);
    expect(requests['POST /xoxoday/chef/v1/oauth/token/user']).toBe(1);
  });
});

describe('Xoxoday sandbox: refresh answer extras (xoxodayTokenExtras)', () => {
  const withExtras = useSandbox({ xoxodayTokenExtras: true });
  const oauth = xoxodayOAuth(withExtras);

  it('adds email and both expiry times, epoch ms as strings', async () => {
    const first = await oauth.login();
    const now = Date.parse((await withExtras.json('/_sandbox/clock')).body.now);
    const renewed = await oauth.refresh(first.refresh_token);
    expect(renewed.status).toBe(200);
    expect(renewed.body).toEqual({
      access_token: expect.any(String),
      token_type: 'bearer',
      expires_in: 30 * DAY_S,
      refresh_token: expect.any(String),
      email: expect.stringContaining('@'),
      access_token_expiry: expect.stringMatching(/^\d+$/),
      refresh_token_expiry: expect.stringMatching(/^\d+$/),
    });
    expect(Number(renewed.body.access_token_expiry)).toBeGreaterThanOrEqual(now + 30 * DAY_S * 1000);
    expect(Number(renewed.body.access_token_expiry)).toBeLessThan(now + 30 * DAY_S * 1000 + 60_000);
    expect(Number(renewed.body.refresh_token_expiry)).toBeGreaterThanOrEqual(now + 60 * DAY_S * 1000);
  });
});
