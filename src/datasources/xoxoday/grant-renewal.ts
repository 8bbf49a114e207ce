/**
 * Keeps the company grant alive on an instance nobody uses. Renewal otherwise happens on use only, and
 * Xoxoday's refresh token dies 60 days after it was issued [doc]: a gateway idle for two months would
 * need an operator. Every `checkEveryMs` this asks CompanyTokenManager.renewIfDue, which rotates the
 * stored grant once it is XOXODAY_GRANT_RENEWAL_SECONDS old (default weekly) — through the same
 * single-flight renewal as use does, so instances sharing the store and Redis renew once between them
 * (the lock is taken, the store re-read, a peer's fresh grant taken instead of rotating again).
 * A failed check (Xoxoday away, rate limited) is logged and tried again at the next check; the grant
 * call itself already backed off and retried (oauth-client.ts).
 */
import type { Logger } from '../../observability/logger';
import type { CompanyTokenManager } from './company-token';

/** Checks are cheap (one store read); once an hour is plenty for a weekly renewal. */
const MAX_CHECK_MS = 3_600_000;
const MIN_CHECK_MS = 1_000;

export class GrantRenewal {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly tokens: Pick<CompanyTokenManager, 'renewIfDue'>,
    private readonly logger: Logger,
    /** How often to check whether the grant is due: a tenth of the renewal period, within 1 s…1 h. */
    readonly checkEveryMs: number,
  ) {}

  static checkIntervalFor(renewEveryMs: number): number {
    return Math.min(MAX_CHECK_MS, Math.max(MIN_CHECK_MS, Math.floor(renewEveryMs / 10)));
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      // One check at a time: a slow Xoxoday must not stack them up.
      this.running ??= this.check().finally(() => (this.running = undefined));
    }, this.checkEveryMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private async check(): Promise<void> {
    try {
      if (await this.tokens.renewIfDue()) this.logger.info({ provider: 'XOXODAY' }, 'Xoxoday company grant renewed in the background (due for renewal)');
    } catch (err) {
      this.logger.warn({ provider: 'XOXODAY', code: (err as { code?: string }).code }, 'background renewal of the Xoxoday grant failed; trying again at the next check');
    }
  }
}
