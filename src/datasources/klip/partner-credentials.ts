/**
 * The Klip partner JWT: `POST /partner/auth {email, password: sha256 hex}` → `access_token`, valid 24 h
 * [doc], sent raw in `Authorization` (no `Bearer`). One credential for the whole gateway, held in a
 * CredentialCache: encrypted in the store, renewed an hour before its 24 h are up, one login however
 * many requests need it at once (across instances too), and on a 401 one re-login and one retry.
 *
 * Expiry is counted from when the gateway received the token, on the gateway's clock, rather than read
 * from the token's `exp`: the token is opaque to us, and a clock skewed against Klip's would otherwise
 * make a fresh token look dead (or a dead one alive). A token Klip expires earlier than we thought
 * answers 401, which the retry path covers.
 */
import { createHash } from 'node:crypto';
import { CredentialCache } from '../../credentials/credential-cache';
import { ErrorCode, Provider, UpstreamError } from '../../errors';
import type { Logger } from '../../observability/logger';
import type { LockManager } from '../../pubsub';
import type { StoredCredential } from '../../store';
import type { CredentialStore } from '../../store/credential-store';
import type { UpstreamHttp } from '../http';
import { klipRejection, type PartnerAuthAnswer } from './partner-wire';

/** Klip's documented token lifetime. */
export const PARTNER_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;
/** Renew this long before the 24 h are up, so no request meets an expiring token. */
export const PARTNER_RENEW_AHEAD_MS = 60 * 60 * 1000;

const LOGIN_ROUTE = '/partner/auth';

interface PartnerToken {
  accessToken: string;
}

export interface PartnerCredentialsOptions {
  http: UpstreamHttp;
  email: string;
  password: string;
  store: CredentialStore;
  locks: LockManager;
  logger: Logger;
  /** @default Date.now */
  now?: () => number;
}

export class PartnerCredentials {
  private readonly cache: CredentialCache<PartnerToken>;
  /** One partner account per gateway; keyed by its email so a changed account never reuses a token. */
  private readonly key: string;
  private readonly now: () => number;

  constructor(private readonly options: PartnerCredentialsOptions) {
    this.now = options.now ?? Date.now;
    this.key = options.email.toLowerCase();
    this.cache = new CredentialCache<PartnerToken>({
      provider: 'klip',
      store: options.store,
      locks: options.locks,
      renewAheadMs: PARTNER_RENEW_AHEAD_MS,
      now: this.now,
    });
  }

  /** Runs `call` with the partner token; after a 401 it logs in again once and retries once. */
  withToken<R>(call: (token: string) => Promise<R>): Promise<R> {
    return this.cache.use(
      this.key,
      () => this.login(),
      (credential) => call(credential.accessToken),
      (err) => klipRejection(err)?.status === 401,
    );
  }

  /** A usable token (logging in if needed): the readiness check. */
  async check(): Promise<void> {
    await this.cache.get(this.key, () => this.login());
  }

  private async login(): Promise<StoredCredential<PartnerToken>> {
    const { http, email, password, logger } = this.options;
    let answer: PartnerAuthAnswer;
    try {
      answer = await http.json<PartnerAuthAnswer>({
        method: 'POST',
        path: LOGIN_ROUTE,
        route: LOGIN_ROUTE,
        body: { email, password: createHash('sha256').update(password, 'utf8').digest('hex') },
      });
    } catch (err) {
      const rejection = klipRejection(err);
      if (rejection) {
        // A configuration problem, not the viewer's: say so to the operator, never with the password.
        logger.error({ provider: Provider.KLIP, status: rejection.status, klipCode: rejection.code }, 'Klip refused the partner login');
        throw new UpstreamError(Provider.KLIP, ErrorCode.UPSTREAM_UNAVAILABLE, 'Klip refused the gateway’s partner login', rejection.status);
      }
      throw err;
    }
    if (typeof answer?.access_token !== 'string' || answer.access_token === '') {
      throw new UpstreamError(Provider.KLIP, ErrorCode.UPSTREAM_UNAVAILABLE, 'Klip answered the partner login without an access token');
    }
    logger.info({ provider: Provider.KLIP }, 'logged in to the Klip partner API');
    return { value: { accessToken: answer.access_token }, expiresAt: this.now() + PARTNER_TOKEN_TTL_MS };
  }
}
