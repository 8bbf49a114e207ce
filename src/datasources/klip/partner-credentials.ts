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
import { backgroundScope } from '../../scope';
import type { StoredCredential } from '../../store';
import type { CredentialStore } from '../../store/credential-store';
import type { UpstreamHttp } from '../http';
import { UpstreamRejection, rejectionKind } from '../rejection';
import { KlipRoute, type KlipRejectionKind } from './klip-rejections';
import { partnerAuthSchema } from './partner-wire';

/** Klip's documented token lifetime. */
export const PARTNER_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;
/** Renew this long before the 24 h are up, so no request meets an expiring token. */
export const PARTNER_RENEW_AHEAD_MS = 60 * 60 * 1000;

/** How many cards the partner may mint and has minted, as Klip's login answer reports them [doc]. */
export interface KlipMintQuota {
  /** `mint_limit`; null when the answer did not carry a usable number. */
  limit: number | null;
  /** `mint_count`; null likewise. */
  minted: number | null;
  /** When Klip reported them (epoch ms, the gateway's clock). */
  reportedAt: number;
}

interface PartnerToken {
  accessToken: string;
  /** Absent in tokens stored before the gateway kept it. */
  mintQuota?: KlipMintQuota;
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
  /** Set while Klip refuses the partner login (a configuration problem), for /readyz. */
  private loginRefused = false;

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
      (err) => rejectionKind<KlipRejectionKind>(err, Provider.KLIP) === 'token-rejected',
    );
  }

  /**
   * The partner's mint quota now. Klip reports `mint_limit` and `mint_count` only in the login answer
   * [doc], so this logs in again (one login for every caller asking at once, across instances too) unless
   * no token was held and the login that brought one already answered; the new token replaces the old.
   */
  async mintQuota(): Promise<KlipMintQuota> {
    const asked = this.now();
    const current = await this.cache.get(this.key, () => this.login());
    // A login made while this call waited (no token was held) already says how things are now.
    if (current.mintQuota && current.mintQuota.reportedAt >= asked) return current.mintQuota;
    const renewed = await this.cache.get(this.key, () => this.login(), current);
    return renewed.mintQuota ?? { limit: null, minted: null, reportedAt: this.now() };
  }

  /** Drops the token held in memory: the upstream no longer knows it (a development sandbox reset). */
  forget(): void {
    this.cache.forgetAll();
    this.loginRefused = false;
  }

  /** For /readyz: throws while Klip refuses the partner login. Never calls Klip. */
  readiness(): void {
    if (this.loginRefused) throw new Error('Klip refused the gateway’s partner login (check KLIP_PARTNER_EMAIL and KLIP_PARTNER_PASSWORD)');
  }

  private async login(): Promise<StoredCredential<PartnerToken>> {
    const { http, email, password, logger } = this.options;
    let answer;
    try {
      // One login serves every operation waiting for it: it belongs to none of them.
      answer = await http.json(
        {
          scope: backgroundScope('klip-partner-login'),
          method: 'POST',
          path: KlipRoute.Login,
          route: KlipRoute.Login,
          body: { email, password: createHash('sha256').update(password, 'utf8').digest('hex') },
        },
        partnerAuthSchema,
      );
    } catch (err) {
      if (err instanceof UpstreamRejection) {
        this.loginRefused = true;
        // A configuration problem, not the viewer's: say so to the operator, never with the password.
        logger.error({ provider: Provider.KLIP, status: err.status, klipCode: err.upstreamCode }, 'Klip refused the partner login');
        throw new UpstreamError(Provider.KLIP, ErrorCode.UPSTREAM_UNAVAILABLE, 'Klip refused the gateway’s partner login', err.status);
      }
      throw err;
    }
    this.loginRefused = false;
    logger.info({ provider: Provider.KLIP }, 'logged in to the Klip partner API');
    const now = this.now();
    return {
      value: { accessToken: answer.access_token, mintQuota: { limit: answer.mint_limit ?? null, minted: answer.mint_count ?? null, reportedAt: now } },
      expiresAt: now + PARTNER_TOKEN_TTL_MS,
    };
  }
}
