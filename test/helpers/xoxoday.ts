/** Small helpers for the Xoxoday tests: per-op call counts and a grant obtained by hand, as an operator would. */
import type { Sandbox } from '../../sandbox/server';
import type { Stack } from './stack';

export const TOKEN_ROUTE = 'POST /xoxoday/chef/v1/oauth/token/company';
export const AUTHORIZE_ROUTE = 'GET /xoxoday/chef/v1/oauth/authorize';
export const VALIDATE_ROUTE = 'GET /xoxoday/chef/v1/oauth/token';

/** Rewards API calls per op since the last reset (`{getVouchers: 2, …}`). */
export async function ops(stack: Stack): Promise<Record<string, number>> {
  return ((await stack.control('GET', '/_sandbox/xoxoday/ops')) as { ops: Record<string, number> }).ops;
}

export async function clearCounts(stack: Stack): Promise<void> {
  await stack.control('DELETE', '/_sandbox/xoxoday/ops');
  await stack.control('DELETE', '/_sandbox/stats');
}

/** The authorize flow done by hand (what an operator does once in production): a fresh grant. */
export async function operatorGrant(sandbox: Sandbox): Promise<{ access_token: string; refresh_token: string }> {
  const { clientId, clientSecret, redirectUri } = sandbox.credentials.xoxoday;
  const query = new URLSearchParams({ client_id: clientId, redirect_uri: redirectUri, response_type: 'code', state: 'operator' });
  const authorize = await fetch(`${sandbox.url}/xoxoday/chef/v1/oauth/authorize?${query}`, { redirect: 'manual' });
  const code = new URL(authorize.headers.get('location')!).searchParams.get('code')!;
  const res = await fetch(`${sandbox.url}/xoxoday/chef/v1/oauth/token/company`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: clientId, client_secret: clientSecret }),
  });
  return (await res.json()) as { access_token: string; refresh_token: string };
}

export async function operatorRefreshToken(sandbox: Sandbox): Promise<string> {
  return (await operatorGrant(sandbox)).refresh_token;
}

/** Env for a second gateway on the same store as `stack` (a restart). */
export function sameStore(stack: Stack, extra: Record<string, string> = {}): Record<string, string> {
  return { DATA_DIR: stack.env.DATA_DIR!, STORE_ENCRYPTION_KEY: stack.env.STORE_ENCRYPTION_KEY!, ...extra };
}
