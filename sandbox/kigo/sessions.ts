import type { SandboxClock } from '../clock';
import type { SandboxCredentials } from '../provider';
import { KigoError } from './errors';
import { newSessionToken } from './secrets';

/** Lifetimes in seconds [doc: 30 min partner, 1 h user access, 1 year refresh]. */
export const PARTNER_SESSION_SECONDS = 1800;
export const ACCESS_TOKEN_SECONDS = 3600;
export const REFRESH_TOKEN_SECONDS = 31_536_000;

interface Session {
  /** External user id; empty for partner sessions. */
  userId: string;
  expiresAt: number;
}

export interface PartnerSessionAnswer {
  session_token: string;
  expires_in: number;
}

export interface UserSessionAnswer {
  access_token: string;
  expires_in: number;
  refresh_token: string;
  refresh_expires_in: number;
}

/**
 * Partner sessions, user access tokens and refresh tokens, each kind in its own map so that one kind
 * never opens a door meant for another. Expired entries are kept (until reset) so that the answer can
 * say `token_expired` rather than `unauthorized`.
 */
export class KigoSessions {
  private partner = new Map<string, Session>();
  private access = new Map<string, Session>();
  private refresh = new Map<string, Session>();

  constructor(
    private readonly clock: SandboxClock,
    private readonly credentials: SandboxCredentials['kigo'],
  ) {}

  reset(): void {
    this.partner.clear();
    this.access.clear();
    this.refresh.clear();
  }

  openPartnerSession(apiKey: string, partnerId: string): PartnerSessionAnswer {
    if (apiKey !== this.credentials.apiKey || partnerId !== this.credentials.partnerId) {
      throw new KigoError('unauthorized', 'invalid api key or partner id');
    }
    const token = newSessionToken('kps');
    this.partner.set(token, { userId: '', expiresAt: this.expiry(PARTNER_SESSION_SECONDS) });
    return { session_token: token, expires_in: PARTNER_SESSION_SECONDS };
  }

  /** Throws unless `token` is a live partner session. */
  checkPartner(token: string | undefined): void {
    this.lookup(this.partner, token, 'partner session');
  }

  openUserSession(userId: string): UserSessionAnswer {
    const accessToken = newSessionToken('kua');
    const refreshToken = newSessionToken('kur');
    this.access.set(accessToken, { userId, expiresAt: this.expiry(ACCESS_TOKEN_SECONDS) });
    this.refresh.set(refreshToken, { userId, expiresAt: this.expiry(REFRESH_TOKEN_SECONDS) });
    return {
      access_token: accessToken,
      expires_in: ACCESS_TOKEN_SECONDS,
      refresh_token: refreshToken,
      refresh_expires_in: REFRESH_TOKEN_SECONDS,
    };
  }

  /**
   * Trades a refresh token for a new pair. Rotation: the old refresh token is dead from this moment;
   * access tokens issued earlier live on until their own expiry [model].
   */
  refreshUserSession(refreshToken: string): UserSessionAnswer {
    const { userId } = this.lookup(this.refresh, refreshToken, 'refresh token');
    this.refresh.delete(refreshToken);
    return this.openUserSession(userId);
  }

  /** The external user id behind a live access token. */
  userFor(accessToken: string | undefined): string {
    return this.lookup(this.access, accessToken, 'access token').userId;
  }

  private lookup(store: Map<string, Session>, token: string | undefined, what: string): Session {
    const session = token === undefined ? undefined : store.get(token);
    if (!session) throw new KigoError('unauthorized', `missing or unknown ${what}`);
    if (session.expiresAt <= this.clock.now()) throw new KigoError('token_expired', `${what} has expired`);
    return session;
  }

  private expiry(seconds: number): number {
    return this.clock.now() + seconds * 1000;
  }
}
