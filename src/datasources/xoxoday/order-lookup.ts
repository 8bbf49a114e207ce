/**
 * "Did Xoxoday place the order with this poNumber?" — asked before a purchase is sent again after an
 * attempt whose answer was lost (a timeout, a dropped connection, a gateway killed mid-request), so that
 * never buying twice does not rest on a guess about how Xoxoday treats a reused poNumber ([model]).
 * Two ways, the second only when the first cannot tell:
 * 1. getOrderDetails by `poNumber` ([model]: our reading of "orderId or poNumber"). Any refusal — no such
 *    order, or Xoxoday not taking `poNumber` there (400 PLE10001, another code, no code) — falls through.
 * 2. getOrderHistory from the day before the first attempt to the day after today (UTC days, [model]:
 *    the docs give no time zone), 100 a page, newest first, read until the poNumber shows or a short page
 *    ends the list; the order found is then read by its orderId for its codes.
 * Only when neither finds it may the caller place it again (with the same poNumber). An outage or a
 * timeout here is thrown: not knowing is not "not found".
 */
import type { Logger } from '../../observability/logger';
import type { OperationScope } from '../../scope';
import { UpstreamRejection } from '../rejection';
import type { XoxodayRewardsClient } from './rewards-client';
import type { WireOrder } from './wire';

const HISTORY_PAGE = 100;
/** 2,000 orders since the first attempt; past that the search stops, and says so in the log. */
const MAX_HISTORY_PAGES = 20;
const DAY_MS = 86_400_000;

export class XoxodayOrderLookup {
  constructor(
    private readonly rewards: XoxodayRewardsClient,
    private readonly logger: Logger,
  ) {}

  /** The order placed with `poNumber` since `since` (the first attempt), or undefined when Xoxoday has none. */
  async byPoNumber(scope: OperationScope, poNumber: string, since: Date): Promise<WireOrder | undefined> {
    try {
      const order = await this.rewards.getOrderDetailsByPoNumber(scope, poNumber);
      // An answer naming another poNumber (a Xoxoday that ignored ours) is not this order: look further.
      if (order.poNumber === undefined || order.poNumber === null || order.poNumber === poNumber) return order;
    } catch (err) {
      if (!(err instanceof UpstreamRejection)) throw err;
    }
    const window = { startDate: utcDay(since.getTime() - DAY_MS), endDate: utcDay(Date.now() + DAY_MS) };
    for (let page = 1; page <= MAX_HISTORY_PAGES; page += 1) {
      const entries = await this.rewards.getOrderHistory(scope, { ...window, page, limit: HISTORY_PAGE });
      const found = entries.find((entry) => entry.poNumber === poNumber);
      if (found) return this.rewards.getOrderDetails(scope, found.orderId);
      if (entries.length < HISTORY_PAGE) return undefined;
    }
    this.logger.warn({ provider: 'XOXODAY', pages: MAX_HISTORY_PAGES }, 'order history search stopped before its end; the poNumber was not found in it');
    return undefined;
  }
}

function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
