/**
 * Kigo's two levels of session, kept by CredentialCache (memory + encrypted store + single-flight +
 * cross-instance lock + renew-ahead):
 *  - one partner session for the gateway (store key `partner`), bought with the API key;
 *  - one user session per viewer (store key = the viewer's JWT `sub`, Kigo's `external_user_id`).
 * A user session is renewed with its refresh token while that lives; when the refresh is refused (or
 * there is none) a new one is opened with the partner session. A 401 from Kigo renews once and
 * retries once (CredentialCache.use), so a credential Kigo killed early (its clock, a revocation)
 * costs one renewal, and a Kigo that keeps answering 401 ends in an error rather than a loop.
 * Partner credentials Kigo refused are remembered for /readyz (an operator must fix them); Kigo being
 * unreachable is not (that is an outage, shown by metrics and the breaker).
 */
import { CredentialCache } from '../../credentials/credential-cache';
import type { LockManager } from '../../pubsub';
import type { StoredCredential } from '../../store';
import type { CredentialStore } from '../../store/credential-store';
import { Provider } from '../../errors';
import { UpstreamRejection, rejectionKind } from '../rejection';
import type { KigoAuthClient } from './kigo-auth';
import type { KigoRejectionKind } from './kigo-rejections';
import type { KigoUserSession } from './wire';

/** What is kept (encrypted) per viewer. */
export interface KigoUserCredential {
  accessToken: string;
  refreshToken: string;
  /** Epoch ms; undefined when Kigo did not say. */
  refreshExpiresAt?: number;
}

export interface KigoSessionsOptions {
  client: KigoAuthClient;
  store: CredentialStore;
  locks: LockManager;
  /** Renew this long before a session expires, so no call goes out with one about to die. @default 60_000 */
  renewAheadMs?: number;
  /** @default Date.now */
  now?: () => number;
}

const PARTNER_KEY = 'partner';

export class KigoSessions {
  private readonly partner: CredentialCache<string>;
  private readonly users: CredentialCache<KigoUserCredential>;
  private readonly client: KigoAuthClient;
  private readonly now: () => number;
  /** Set while Kigo refuses the partner credentials (a configuration problem). */
  private partnerRefused = false;

  constructor(options: KigoSessionsOptions) {
    this.client = options.client;
    this.now = options.now ?? Date.now;
    const common = { store: options.store, locks: options.locks, renewAheadMs: options.renewAheadMs ?? 60_000, now: this.now };
    // Two providers in the store, so that no viewer's sub can collide with the partner key.
    this.partner = new CredentialCache<string>({ ...common, provider: 'kigo-partner' });
    this.users = new CredentialCache<KigoUserCredential>({ ...common, provider: 'kigo-user' });
  }

  /** Runs `call` with the viewer's access token; on a 401, renews once and retries once. */
  asUser<R>(sub: string, call: (accessToken: string) => Promise<R>): Promise<R> {
    return this.users.use(sub, (current) => this.renewUser(sub, current), (credential) => call(credential.accessToken), isKigoAuthFailure);
  }

  /** Drops the sessions held in memory: the upstream no longer knows them (a development sandbox reset). */
  forget(): void {
    this.partner.forgetAll();
    this.users.forgetAll();
    this.partnerRefused = false;
  }

  /** For /readyz: throws while Kigo refuses the partner credentials. Never calls Kigo. */
  readiness(): void {
    if (this.partnerRefused) throw new Error("Kigo refused the gateway's partner credentials (check KIGO_API_KEY and KIGO_PARTNER_ID)");
  }

  /** Refresh while the refresh token lives; otherwise (or when Kigo refuses it) a new user session. */
  private async renewUser(sub: string, current: StoredCredential<KigoUserCredential> | undefined): Promise<StoredCredential<KigoUserCredential>> {
    const refresh = current?.value;
    if (refresh && (refresh.refreshExpiresAt === undefined || refresh.refreshExpiresAt > this.now())) {
      try {
        return this.userCredential(await this.client.refreshUserSession(refresh.refreshToken));
      } catch (err) {
        // A refused refresh token (rotated by another gateway, revoked, expired early) is no failure:
        // the partner session can open a new user session. Kigo being down is, and propagates.
        if (!(err instanceof UpstreamRejection)) throw err;
      }
    }
    const session = await this.partner.use(
      PARTNER_KEY,
      () => this.openPartnerSession(),
      (partnerToken) => this.client.openUserSession(partnerToken, sub),
      isKigoAuthFailure,
    );
    return this.userCredential(session);
  }

  private async openPartnerSession(): Promise<StoredCredential<string>> {
    let session;
    try {
      session = await this.client.openPartnerSession();
    } catch (err) {
      if (err instanceof UpstreamRejection) this.partnerRefused = true;
      throw err;
    }
    this.partnerRefused = false;
    return { value: session.session_token, expiresAt: this.now() + session.expires_in * 1000 };
  }

  private userCredential(session: KigoUserSession): StoredCredential<KigoUserCredential> {
    const now = this.now();
    return {
      value: {
        accessToken: session.access_token,
        refreshToken: session.refresh_token,
        refreshExpiresAt: session.refresh_expires_in === undefined ? undefined : now + session.refresh_expires_in * 1000,
      },
      expiresAt: now + session.expires_in * 1000,
    };
  }
}

/** True for Kigo's 401: the session used is dead and one renewal may help. */
export function isKigoAuthFailure(err: unknown): boolean {
  return rejectionKind<KigoRejectionKind>(err, Provider.KIGO) === 'session-rejected';
}
