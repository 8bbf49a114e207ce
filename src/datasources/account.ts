/**
 * Which upstream account something came from: the base URL it was asked at and the principal that asked
 * (Xoxoday's client id, Kigo's partner id, Klip's partner email). Upstream ids are unique only within
 * their account — two sandboxes, or a sandbox and the real service, both number their first order
 * 7000001 — so whatever upstream id the gateway stores is stored with this. A digest: bounded, and no
 * principal in the store in clear.
 */
import { createHash } from 'node:crypto';
import type { Provider } from '../errors';

/** Rows stored before accounts were recorded: their account is not known (migration 009). */
export const LEGACY_ACCOUNT = 'legacy';

export function upstreamAccount(provider: Provider, baseUrl: string, principal: string): string {
  const digest = createHash('sha256').update(`${baseUrl.replace(/\/+$/, '')}\n${principal}`).digest('hex');
  return `${provider.toLowerCase()}:${digest.slice(0, 32)}`;
}
