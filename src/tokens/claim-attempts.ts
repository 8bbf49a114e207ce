/**
 * Failed claim attempts per viewer (claimToken and claimPreview with a code Kigo does not know), so
 * that claim codes cannot be guessed by trying many. An attempt RESERVES one failure before Kigo is
 * asked and gives it back unless the attempt failed: concurrent guesses cannot all slip through a
 * check made before any of them has failed. When none is left the viewer gets RATE_LIMITED and Kigo
 * is not called. Counters live in memory, or in Redis when configured (shared by every instance).
 */
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { rateLimited } from '../errors';

export class ClaimAttempts {
  constructor(private readonly limiter: RateLimiterAbstract) {}

  /**
   * Runs `action` if `sub` has a failure left; `failed(outcome)` says whether it counts. A thrown
   * error (Kigo down, say) is not the viewer's failure and is refunded.
   */
  async attempt<T>(sub: string, action: () => Promise<T>, failed: (outcome: T) => boolean): Promise<T> {
    const reserved = await this.reserve(sub);
    let outcome: T;
    try {
      outcome = await action();
    } catch (err) {
      await this.refund(sub, reserved);
      throw err;
    }
    if (!failed(outcome)) await this.refund(sub, reserved);
    return outcome;
  }

  private async reserve(sub: string): Promise<{ windowEndsAt: number }> {
    try {
      const res = await this.limiter.consume(sub, 1);
      return { windowEndsAt: Date.now() + res.msBeforeNext };
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err;
      // The refused reservation was counted too; undo it so the window ends with the true count.
      await this.limiter.reward(sub, 1);
      throw rateLimited('Too many failed claim attempts; try again later', Math.max(1, Math.ceil(err.msBeforeNext / 1000)));
    }
  }

  private async refund(sub: string, reserved: { windowEndsAt: number }): Promise<void> {
    // After the window rolled over, a refund would open the next one below zero: an extra free guess.
    if (Date.now() < reserved.windowEndsAt) await this.limiter.reward(sub, 1);
  }
}
