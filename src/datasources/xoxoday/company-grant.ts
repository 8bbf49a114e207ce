/**
 * The company grant as the gateway keeps it (encrypted in the store), and how a token answer becomes
 * one, how it is written (retried) and found rotated by a peer. CompanyTokenManager (company-token.ts)
 * decides when grants are obtained, rotated and used.
 */
import type { StoredCredential } from '../../store';
import type { CredentialStore } from '../../store/credential-store';
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

const PERSIST_ATTEMPTS = 3;
const PEER_WRITE_GRACE_MS = 1_000;

/** Writes a grant, retried (100 ms, 400 ms) on a store error; throws the last error after three tries. */
export async function persistGrant(store: CredentialStore, provider: string, key: string, next: StoredCredential<CompanyGrant>): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await store.put(provider, key, next);
      return;
    } catch (err) {
      if (attempt >= PERSIST_ATTEMPTS) throw err;
      await new Promise((resolve) => setTimeout(resolve, 100 * 4 ** (attempt - 1)));
    }
  }
}

/**
 * `invalid_grant` for a token we hold may mean another instance (without a shared lock: no Redis)
 * rotated it a moment ago; its grant then reaches the store within moments, so look twice.
 */
export async function rotatedByPeer(store: CredentialStore, provider: string, key: string, grant: CompanyGrant): Promise<StoredCredential<CompanyGrant> | undefined> {
  for (const waitMs of [0, PEER_WRITE_GRACE_MS]) {
    if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
    const latest = await store.get<CompanyGrant>(provider, key);
    if (latest?.value.state === 'active' && latest.value.refreshToken !== grant.refreshToken) return latest;
  }
  return undefined;
}
