/**
 * The emulated Xoxoday driven over HTTP by the sandbox tests (test/sandbox/xoxoday-*): the OAuth steps and
 * Rewards API ops. Gateway tests use ./xoxoday instead.
 */
import type { Answer, Json, SandboxHandle } from './sandbox';

export type GrantKind = 'company' | 'user';

/** `body` is sent as JSON (the method then defaults to POST), `token` as a bearer token. */
export interface XoxodayInit {
  method?: string;
  body?: unknown;
  token?: string;
}

/** A Rewards API op's answer: on success `data` is the op's `data`, on failure `body` is the error body. */
export interface OpAnswer {
  status: number;
  data: Json;
  body: Json;
}

const OAUTH = '/xoxoday/chef/v1/oauth';

/** The error body of a failed Rewards API op. */
export const errorBody = (code: number, errorId: string) => ({ code, errorId, errorInfo: expect.any(String), error: expect.any(String) });

/** The OAuth steps, as a client of the sandbox does them. */
export function xoxodayOAuth(sandbox: SandboxHandle) {
  const call = (path: string, init: XoxodayInit = {}): Promise<Answer> =>
    sandbox.json(path, { method: init.method, json: init.body, token: init.token });

  function authorizeUrl(overrides: Record<string, string> = {}): string {
    const { clientId, redirectUri } = sandbox.credentials.xoxoday;
    const query = new URLSearchParams({ client_id: clientId, redirect_uri: redirectUri, response_type: 'code', state: 'st-1', ...overrides });
    return `${sandbox.url}${OAUTH}/authorize?${query}`;
  }

  /** Consents and answers the authorization code. */
  async function authorize(): Promise<string> {
    const res = await fetch(authorizeUrl(), { redirect: 'manual' });
    expect(res.status).toBe(302);
    return new URL(res.headers.get('location')!).searchParams.get('code')!;
  }

  function exchange(code: string, kind: GrantKind = 'company', overrides: Record<string, string> = {}): Promise<Answer> {
    const { clientId, clientSecret, redirectUri } = sandbox.credentials.xoxoday;
    return call(`${OAUTH}/token/${kind}`, {
      body: { grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: clientId, client_secret: clientSecret, ...overrides },
    });
  }

  function refresh(refreshToken: string, kind: GrantKind = 'company'): Promise<Answer> {
    const { clientId, clientSecret } = sandbox.credentials.xoxoday;
    return call(`${OAUTH}/token/${kind}`, {
      body: { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: clientId, client_secret: clientSecret },
    });
  }

  /** A fresh grant: authorize, then exchange the code. */
  async function login(kind: GrantKind = 'company'): Promise<{ access_token: string; refresh_token: string }> {
    const res = await exchange(await authorize(), kind);
    expect(res.status).toBe(200);
    return res.body;
  }

  /** The access token of a fresh company grant. */
  const accessToken = async (): Promise<string> => (await login()).access_token;

  return { call, authorizeUrl, authorize, exchange, refresh, login, accessToken };
}

/** The OAuth steps plus Rewards API ops, each sent with the access token `token()` answers. */
export function xoxodayApi(sandbox: SandboxHandle, token: () => string) {
  const oauth = xoxodayOAuth(sandbox);

  /** One Rewards API call (a mutation unless `kind` says otherwise). */
  async function op(name: string, data: Record<string, unknown> = {}, kind = 'mutation'): Promise<OpAnswer> {
    const res = await oauth.call(`${OAUTH}/api`, { token: token(), body: { query: `plumProAPI.${kind}.${name}`, tag: 'plumProAPI', variables: { data } } });
    if (res.status === 200) expect(res.body.data[name].status).toBe(1);
    return { status: res.status, data: res.status === 200 ? res.body.data[name].data : undefined, body: res.body };
  }

  const balance = async () => (await op('getBalance', {}, 'query')).data;
  const order = (data: Record<string, unknown>) => op('placeOrder', { quantity: 1, email: 'ann@example.com', notifyReceiverEmail: 0, ...data });

  return { ...oauth, op, balance, order };
}
