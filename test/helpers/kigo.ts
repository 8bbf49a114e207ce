/** Kigo helpers for integration tests: upstream call counts and wallets of fresh users. */
import { randomBytes } from 'node:crypto';
import type { Stack } from './stack';

/** Calls the sandbox served for exactly this route key, e.g. `GET /kigo/api/v1/wallet/tokens`. */
export function kigoCalls(stack: Stack, route: string): number {
  const [method, path] = route.split(' ');
  return stack.sandbox.stats.toJSON().requests[`${method} /kigo/api/v1${path}`] ?? 0;
}

/** A user id no other test uses. */
export function freshUser(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

/** Puts `count` tokens (shareable unless told) into a new user's wallet; returns the user and token ids. */
export async function userWithTokens(stack: Stack, prefix: string, count: number, options: { isShareable?: boolean } = {}): Promise<{ user: string; tokenIds: string[] }> {
  const user = freshUser(prefix);
  const tokenIds: string[] = [];
  for (let i = 1; i <= count; i++) {
    const token = await stack.control('POST', `/_sandbox/kigo/users/${user}/tokens`, {
      name: `Test gift card ${i}`,
      kind: 'gift_card',
      isShareable: options.isShareable ?? true,
      value: { amount: `${10 + i}.00`, currency: 'USD' },
    });
    tokenIds.push(token.token_id);
  }
  return { user, tokenIds };
}
