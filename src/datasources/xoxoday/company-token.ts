/**
 * The company's Xoxoday grant: one access token for the whole gateway, and a refresh token that ROTATES
 * (each refresh kills the one it used). Rules, in the order they matter:
 * - Where it comes from: the grant in the store, whenever there is one that works (a restart reuses the
 *   latest rotated token). Once per process, on first use (not at boot), a XOXODAY_REFRESH_TOKEN other
 *   than the one the stored grant came from (compared by fingerprint) is an operator's new authorization
 *   and replaces it; one Xoxoday refuses leaves a working stored grant alone. With neither, outside
 *   production, the gateway completes the authorize flow itself (the sandbox consents at once).
 * - Rotation: a new grant is written to the store (encrypted, retried on a store error, kept in memory
 *   and re-saved first if the store stays down) BEFORE its access token is handed to anyone. The one
 *   window no code can close: Xoxoday rotated, and the answer was lost before it reached us (the process
 *   died, the connection dropped); the stored refresh token is then dead and the grant is reported dead.
 * - Single flight: renewals go through CredentialCache (one in-process promise; a named lock, across
 *   instances when Redis is configured, with the store re-read under it). A refresh answered
 *   `invalid_grant` re-reads the store first, in case an instance without the shared lock rotated it.
 * - Kept alive: a grant is rotated once `renewEveryMs` (XOXODAY_GRANT_RENEWAL_SECONDS, default a week)
 *   has passed since it was obtained, well inside the refresh token's 60 days ([doc]; the refresh answer's
 *   `refresh_token_expiry`, when sent, shortens it). Its stored `expiresAt` carries that date, so the
 *   renewal is the ordinary single-flight one: on use, or from GrantRenewal's background check
 *   (`renewIfDue`) on an instance nobody uses — once across instances, as every renewal.
 * - On a 4xx from the Rewards API: validate the token (once, however many calls failed together); if it
 *   is expired or revoked, refresh and retry the call once.
 * - A dead grant (revoked, or refresh token refused) is stored as dead, answered as XoxodayGrantError
 *   and reported by /readyz until an operator authorizes again (a restart with a new
 *   XOXODAY_REFRESH_TOKEN, or outside production any restart). Outside production a refresh token the
 *   upstream no longer knows (a sandbox reset or restart) is not waited on: the gateway authorizes again
 *   at once, as it would at start-up; a revocation still waits for a restart, as someone chose it.
 * - One grant per upstream account (base URL + client id, datasources/account.ts), stored under
 *   `company@<account>`: a store used against another Xoxoday never hands it the first one's tokens.
 *   The grant stored before accounts were recorded (`company`) is taken as this account's on first use.
 */
import { createHash } from 'node:crypto';
import { CredentialCache } from '../../credentials/credential-cache';
import type { Logger } from '../../observability/logger';
import type { LockManager } from '../../pubsub';
import type { StoredCredential } from '../../store';
import type { CredentialStore } from '../../store/credential-store';
import { grantFromAnswer, persistGrant, rotatedByPeer, type CompanyGrant } from './company-grant';
import { XoxodayGrantError, deadGrantMessage } from './grant-error';
import type { DeadGrantReason, GrantOutcome, TokenVerdict, XoxodayOAuthClient } from './oauth-client';

export type { CompanyGrant } from './company-grant';

export interface CompanyTokenOptions {
  oauth: XoxodayOAuthClient;
  /** The upstream account (datasources/account.ts) the grant is for. */
  account: string;
  store: CredentialStore;
  locks: LockManager;
  logger: Logger;
  production: boolean;
  /** XOXODAY_REFRESH_TOKEN. */
  bootstrapRefreshToken?: string;
  /** Rotate a grant this long after it was obtained (XOXODAY_GRANT_RENEWAL_SECONDS). @default 7 days */
  renewEveryMs?: number;
  /** @default Date.now */
  now?: () => number;
}

const PROVIDER = 'xoxoday';
/** Where the grant was kept before accounts were recorded. */
const LEGACY_KEY = 'company';
/** Company access tokens live 30 days: renewing a day early keeps requests off the expiry edge. */
const RENEW_AHEAD_MS = 86_400_000;
const WEEK_MS = 7 * 86_400_000;
/** /readyz asks Xoxoday about the token at most this often. */
const READINESS_VALIDATE_MS = 10_000;
/** Under /readyz's own 2 s limit per check. */
const READINESS_WAIT_MS = 1_500;

type Stored = StoredCredential<CompanyGrant>;

export class CompanyTokenManager {
  private readonly cache: CredentialCache<CompanyGrant>;
  private readonly now: () => number;
  private readonly envOrigin?: string;
  private starting?: Promise<void>;
  private active?: CompanyGrant;
  private dead?: DeadGrantReason;
  /** A rotated grant the store refused to take: saved before anything else is tried. */
  private unpersisted?: Stored;
  private readonly validations = new Map<string, Promise<TokenVerdict>>();
  /** The last access token Xoxoday said no longer works: later failures with it skip the validation. */
  private rejectedAccessToken?: string;
  private lastReadinessValidation = 0;
  private readonly key: string;

  constructor(private readonly options: CompanyTokenOptions) {
    this.now = options.now ?? Date.now;
    this.key = `${LEGACY_KEY}@${options.account}`;
    this.cache = new CredentialCache<CompanyGrant>({ provider: PROVIDER, store: options.store, locks: options.locks, renewAheadMs: RENEW_AHEAD_MS, now: this.now });
    if (options.bootstrapRefreshToken) {
      this.envOrigin = `env:${createHash('sha256').update(options.bootstrapRefreshToken).digest('hex').slice(0, 32)}`;
    }
  }

  /**
   * Runs `call` with a live grant. On an error `shouldValidate` accepts (a 4xx that may be about the
   * token), asks Xoxoday whether the token still works; if not, renews it and retries once.
   */
  async withGrant<R>(call: (grant: CompanyGrant) => Promise<R>, shouldValidate: (err: unknown) => boolean): Promise<R> {
    const grant = await this.current();
    try {
      return await call(grant);
    } catch (err) {
      if (!shouldValidate(err)) throw err;
      // Renewed by a concurrent call meanwhile: retry with the new token, no need to ask Xoxoday.
      const latest = await this.current();
      if (latest.accessToken !== grant.accessToken) return call(latest);
      if (grant.accessToken !== this.rejectedAccessToken) {
        if ((await this.validateOnce(grant.accessToken)) === 'valid') throw err;
        this.rejectedAccessToken = grant.accessToken;
      }
      return call(await this.current(grant));
    }
  }

  /** A live grant; with `reject`, one other than that one (Xoxoday no longer takes it). */
  async current(reject?: CompanyGrant): Promise<CompanyGrant> {
    await (this.starting ??= this.start().catch((err: unknown) => {
      this.starting = undefined;
      throw err;
    }));
    return this.alive(await this.cache.get(this.key, (stored) => this.obtain(stored, false), reject));
  }

  /**
   * For /readyz: throws the operator's message while the grant is dead (or, before first use, when the
   * stored one is dead and start-up will not replace it); otherwise asks Xoxoday about the token now and
   * then. Bounded in time: a slow or unreachable Xoxoday is an outage, not a reason to be unready.
   */
  async readiness(): Promise<void> {
    if (this.dead) throw new Error(deadGrantMessage(this.dead, this.options.production));
    const grant = this.active;
    if (!grant) {
      const stored = (await this.options.store.get<CompanyGrant>(PROVIDER, this.key))?.value ?? (await this.options.store.get<CompanyGrant>(PROVIDER, LEGACY_KEY))?.value;
      if (stored && stored.state !== 'active' && !this.replacedAtStart(stored)) throw new Error(deadGrantMessage(stored.state, this.options.production));
      return;
    }
    if (this.now() - this.lastReadinessValidation < READINESS_VALIDATE_MS) return;
    this.lastReadinessValidation = this.now();
    const verdict = await Promise.race([
      this.validateOnce(grant.accessToken).catch(() => 'valid' as const),
      new Promise<'valid'>((resolve) => setTimeout(() => resolve('valid'), READINESS_WAIT_MS).unref()),
    ]);
    if (verdict !== 'revoked') return;
    await this.current(grant).catch((err: unknown) => {
      if (err instanceof XoxodayGrantError) throw new Error(err.message);
    });
  }

  /**
   * Back to "not obtained yet": the upstream no longer knows the grant (a development sandbox reset).
   * The next use starts as a fresh process would: stored grant, else the authorize flow.
   */
  forget(): void {
    this.starting = undefined;
    this.active = undefined;
    this.dead = undefined;
    this.unpersisted = undefined;
    this.rejectedAccessToken = undefined;
    this.lastReadinessValidation = 0;
    this.cache.forgetAll();
  }

  /**
   * GrantRenewal's check: rotates the stored grant when due, and takes up an XOXODAY_REFRESH_TOKEN the
   * store lacks (it dies 60 days after issue, used or not). Never authorizes from nothing, never touches a
   * dead grant. True when a renewal was due (done here or by a peer under the lock).
   */
  async renewIfDue(): Promise<boolean> {
    if (this.dead) return false;
    const stored = await this.options.store.get<CompanyGrant>(PROVIDER, this.key);
    const untakenBootstrap = !this.starting && this.envOrigin !== undefined && (!stored || this.replacedAtStart(stored.value));
    if (!untakenBootstrap) {
      // Due as CredentialCache judges it, so that current() below renews rather than answers from memory.
      if (!stored || stored.value.state !== 'active' || this.cache.isFresh(stored)) return false;
    }
    await this.current();
    return true;
  }

  /** For /readyz details. */
  describe(): { grant: string } {
    return { grant: this.dead ?? (this.active ? 'active' : 'not obtained yet (on first use)') };
  }

  /** Once per process: the stored grant, unless the environment brings a new one or it is dead. */
  private async start(): Promise<void> {
    await this.adoptLegacyGrant();
    const grant = await this.cache.get(this.key, (stored) => this.obtain(stored, true));
    if (this.replacedAtStart(grant)) await this.cache.get(this.key, (stored) => this.obtain(stored, true), grant);
  }

  /** The grant kept before accounts were recorded belonged to this deployment: it becomes this account's. */
  private async adoptLegacyGrant(): Promise<void> {
    const { store } = this.options;
    if (await store.get(PROVIDER, this.key)) return;
    const legacy = await store.get<CompanyGrant>(PROVIDER, LEGACY_KEY);
    if (legacy) await store.put(PROVIDER, this.key, legacy);
  }

  /** A new XOXODAY_REFRESH_TOKEN replaces the stored grant at start-up; outside production, so does authorizing anew a dead one. */
  private replacedAtStart(grant: CompanyGrant): boolean {
    const newBootstrap = this.envOrigin !== undefined && grant.origin !== this.envOrigin;
    return newBootstrap || (grant.state !== 'active' && !this.options.production);
  }

  /** Called under the credential lock with what the store holds; returns what it must hold next. */
  private async obtain(stored: Stored | undefined, starting: boolean): Promise<Stored> {
    if (this.unpersisted) {
      const pending = this.unpersisted;
      await this.persist(pending);
      this.unpersisted = undefined;
      return pending;
    }
    const grant = stored?.value;
    const token = this.options.bootstrapRefreshToken;
    if (token && this.envOrigin && (!grant || (starting && grant.origin !== this.envOrigin))) {
      const next = await this.redeem(await this.options.oauth.refresh(token), this.envOrigin);
      if (next.value.state !== 'active' && grant?.state === 'active') {
        this.options.logger.warn('Xoxoday no longer accepts XOXODAY_REFRESH_TOKEN; keeping the stored grant, which works');
        return stored!;
      }
      return next;
    }
    if (grant?.state === 'active') return this.rotate(grant);
    // Outside production a dead grant is authorized anew at start-up, and one the upstream merely no
    // longer knows at any time; a revoked one waits for a restart (someone chose to revoke it).
    const authorizeNow = !this.options.production && (starting || grant?.state !== 'revoked');
    if (grant && !authorizeNow) return stored!;
    if (this.options.production) throw new XoxodayGrantError('invalid', true);
    return this.authorize(grant ? 'stored Xoxoday grant is dead; authorizing again' : 'authorizing with Xoxoday');
  }

  /** Outside production only: the authorize flow, which the sandbox consents to at once. */
  private async authorize(why: string): Promise<Stored> {
    this.options.logger.info({ provider: PROVIDER }, why);
    const oauth = this.options.oauth;
    return this.redeem(await oauth.exchangeCode(await oauth.authorize()), 'authorize');
  }

  private async rotate(grant: CompanyGrant): Promise<Stored> {
    const outcome = await this.options.oauth.refresh(grant.refreshToken);
    if (!outcome.ok && outcome.reason === 'invalid') {
      const rotatedElsewhere = await rotatedByPeer(this.options.store, PROVIDER, this.key, grant);
      if (rotatedElsewhere) return rotatedElsewhere;
      if (!this.options.production) return this.authorize('Xoxoday no longer knows the stored refresh token (a sandbox reset or restart); authorizing again');
    }
    return this.redeem(outcome, grant.origin, grant.email);
  }

  /** Turns a token answer into the stored grant, saved before anyone may use it. */
  private async redeem(outcome: GrantOutcome, origin: string, email?: string): Promise<Stored> {
    if (!outcome.ok) {
      this.options.logger.warn({ provider: PROVIDER, reason: outcome.reason }, 'Xoxoday refused the company grant');
      return { value: { state: outcome.reason, accessToken: '', refreshToken: '', accessExpiresAt: 0, origin } };
    }
    const now = this.now();
    const next = grantFromAnswer(outcome.answer, now, origin, email);
    // Due for renewal `renewEveryMs` from now: CredentialCache renews RENEW_AHEAD_MS before expiresAt.
    next.expiresAt = Math.min(next.expiresAt ?? Infinity, now + (this.options.renewEveryMs ?? WEEK_MS) + RENEW_AHEAD_MS);
    await this.persist(next);
    this.options.logger.info({ provider: PROVIDER, origin: origin === 'authorize' ? 'authorize' : 'refresh' }, 'Xoxoday company token renewed');
    return next;
  }

  /** Writes a rotated grant; the old refresh token is already dead, so a store error must not lose it. */
  private async persist(next: Stored): Promise<void> {
    try {
      await persistGrant(this.options.store, PROVIDER, this.key, next);
    } catch (err) {
      this.unpersisted = next;
      this.options.logger.error({ provider: PROVIDER, err }, 'could not store the rotated Xoxoday token; kept in memory, saved on next use');
      throw err;
    }
  }

  private alive(grant: CompanyGrant): CompanyGrant {
    if (grant.state !== 'active') {
      this.dead = grant.state;
      this.active = undefined;
      // Re-read the store next time: another instance (or a restart) may have authorized again.
      this.cache.forget(this.key);
      throw new XoxodayGrantError(grant.state, this.options.production);
    }
    this.dead = undefined;
    this.active = grant;
    return grant;
  }

  /** Concurrent failures of one token share one validation call. */
  private validateOnce(accessToken: string): Promise<TokenVerdict> {
    let pending = this.validations.get(accessToken);
    if (!pending) {
      pending = this.options.oauth.validate(accessToken).finally(() => this.validations.delete(accessToken));
      this.validations.set(accessToken, pending);
    }
    return pending;
  }
}
