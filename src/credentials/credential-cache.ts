/**
 * Upstream credentials (Kigo sessions, the Klip partner JWT, Xoxoday tokens), one per (provider, key):
 * kept in memory, persisted encrypted in the store, renewed ahead of expiry, and renewed ONCE however
 * many requests need it at the same moment:
 *  - in-process, concurrent callers share one renewal promise (single-flight);
 *  - across instances, the renewal runs under a named lock and re-reads the store first, so an
 *    instance that waited finds the credential its peer just wrote instead of renewing again.
 * `obtain` receives the stored credential (e.g. to use its refresh token) and must return the new one;
 * it is written to the store before any caller gets it. A provider that must persist part of an
 * answer even earlier (Xoxoday's rotated refresh token) does so inside `obtain`.
 */
import type { LockManager } from '../pubsub';
import type { StoredCredential } from '../store';
import type { CredentialStore } from '../store/credential-store';

export interface CredentialCacheOptions {
  provider: string;
  store: CredentialStore;
  locks: LockManager;
  /** Renew this long before expiry. */
  renewAheadMs: number;
  /** @default Date.now */
  now?: () => number;
  /** In-memory entries kept (per-viewer sessions would grow without bound); the store keeps all. @default 10_000 */
  maxEntries?: number;
}

export type Obtain<T> = (current: StoredCredential<T> | undefined) => Promise<StoredCredential<T>>;

export class CredentialCache<T> {
  private readonly memory = new Map<string, StoredCredential<T>>();
  private readonly inFlight = new Map<string, Promise<StoredCredential<T>>>();
  private readonly now: () => number;

  constructor(private readonly options: CredentialCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  /**
   * A fresh credential for `key`. With `reject`, a credential equal to it counts as dead even if it
   * has not expired (the upstream just answered 401 to it).
   */
  async get(key: string, obtain: Obtain<T>, reject?: T): Promise<T> {
    const cached = this.memory.get(key);
    if (cached && this.usable(cached, reject)) return cached.value;
    let flight = this.inFlight.get(key);
    if (!flight) {
      flight = this.renew(key, obtain, reject).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, flight);
    }
    return (await flight).value;
  }

  /**
   * Runs `call` with a credential; on a rejection that `isAuthFailure` recognises, renews once and
   * retries once. A second rejection propagates: never a loop.
   */
  async use<R>(key: string, obtain: Obtain<T>, call: (credential: T) => Promise<R>, isAuthFailure: (err: unknown) => boolean): Promise<R> {
    const credential = await this.get(key, obtain);
    try {
      return await call(credential);
    } catch (err) {
      if (!isAuthFailure(err)) throw err;
      const renewed = await this.get(key, obtain, credential);
      return call(renewed);
    }
  }

  /** Whether `credential` is still good for use, not yet within `renewAheadMs` of its expiry. */
  isFresh(credential: StoredCredential<T>): boolean {
    return this.usable(credential);
  }

  /** Forgets the in-memory copy (the stored one stays; it is re-read and checked on next use). */
  forget(key: string): void {
    this.memory.delete(key);
  }

  /** Forgets every in-memory copy (the upstream forgot them: a development sandbox was reset). */
  forgetAll(): void {
    this.memory.clear();
  }

  private async renew(key: string, obtain: Obtain<T>, reject?: T): Promise<StoredCredential<T>> {
    const { provider, store, locks } = this.options;
    return locks.withLock(
      `credential:${provider}:${key}`,
      async () => {
        // Another instance (or an earlier flight) may have renewed while we waited for the lock.
        const stored = await store.get<T>(provider, key);
        if (stored && this.usable(stored, reject)) {
          this.remember(key, stored);
          return stored;
        }
        const next = await obtain(stored);
        await store.put(provider, key, next);
        this.remember(key, next);
        return next;
      },
      { ttlMs: 30_000, waitMs: 35_000 },
    );
  }

  /** Keeps the newest entries: Map iteration order is insertion order, so the first key is the oldest. */
  private remember(key: string, credential: StoredCredential<T>): void {
    this.memory.delete(key);
    this.memory.set(key, credential);
    if (this.memory.size > (this.options.maxEntries ?? 10_000)) this.memory.delete(this.memory.keys().next().value!);
  }

  private usable(credential: StoredCredential<T>, reject?: T): boolean {
    if (reject !== undefined && JSON.stringify(credential.value) === JSON.stringify(reject)) return false;
    return credential.expiresAt === undefined || credential.expiresAt - this.options.renewAheadMs > this.now();
  }
}
