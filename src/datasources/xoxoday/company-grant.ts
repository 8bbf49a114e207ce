/**
 * The company grant as the gateway keeps it (encrypted in the store), and how a token answer becomes
 * one. CompanyTokenManager (company-token.ts) decides when grants are obtained, rotated and used.
 */
import type { StoredCredential } from '../../store';
import type { DeadGrantReason } from './oauth-client';
import type { TokenAnswer } from './wire';

export interface CompanyGrant {
  state: 'active' | DeadGrantReason;
  accessToken: string;
  refreshToken: string;
  accessExpiresAt: number;
  refreshExpiresAt?: number;
  /** `env:<sha256 prefix>` of the XOXODAY_REFRESH_TOKEN the grant descends from, or `authorize`. */
  origin: string;
  /** The consenting admin's email, sent with orders (receiver notification is off). */
  email?: string;
}

/** A grant from a token answer received at `now` (epoch ms). */
export function grantFromAnswer(answer: TokenAnswer, now: number, origin: string, email?: string): StoredCredential<CompanyGrant> {
  // Lifetimes are taken relative to our clock: Xoxoday's absolute expiries use its own.
  const accessExpiresAt = now + answer.expires_in * 1000;
  const refreshLifetime =
    answer.refresh_token_expiry !== undefined && answer.access_token_expiry !== undefined ? answer.refresh_token_expiry - answer.access_token_expiry : undefined;
  const refreshExpiresAt = refreshLifetime !== undefined && refreshLifetime > 0 ? accessExpiresAt + refreshLifetime : undefined;
  const value: CompanyGrant = {
    state: 'active',
    accessToken: answer.access_token,
    refreshToken: answer.refresh_token,
    accessExpiresAt,
    refreshExpiresAt,
    origin,
    email: answer.email ?? email,
  };
  return { value, expiresAt: Math.min(accessExpiresAt, refreshExpiresAt ?? Infinity) };
}
