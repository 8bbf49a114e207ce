/**
 * `GET /wallet/tokens?status=` is our [model] extension of Kigo's wallet list, never confirmed. The
 * gateway still sends it (a Kigo that honours it answers one page in one call) but checks the answer:
 * every token must have the asked status. When one does not, Kigo ignored the filter, its `offset`,
 * `limit` and `total` counted every token, and the page cannot be used; from then on this client filters
 * locally: it reads the wallet unfiltered from the start, 100 a page (once per operation and viewer),
 * keeps the window asked for and counts every match, so `total` is exact. A wallet too large to read that way
 * (LOCAL_FILTER_MAX_PAGES) is an upstream error naming why, never a wrong count.
 *
 * What this cannot see: a Kigo that ignores the filter and happens to answer a page whose tokens all
 * have the asked status. That answer is taken as filtered (its window and `total` may then be off)
 * until the first page that shows the filter ignored.
 */
import { ErrorCode, Provider, UpstreamError } from '../../errors';
import type { KigoTokenPage, KigoTokenStatus } from './wire';

/** Pages of 100 read, at most, to filter one wallet locally. */
const LOCAL_FILTER_MAX_PAGES = 10;
const PAGE = 100;

export interface TokenPageRequest {
  offset: number;
  limit: number;
  status?: KigoTokenStatus;
}

type FetchPage = (request: TokenPageRequest) => Promise<KigoTokenPage>;

export class TokenStatusFilter {
  /** Set once an answer showed Kigo ignoring `status`: later filtered lists go straight to local filtering. */
  private ignored = false;
  /**
   * The wallets read whole for local filtering, per operation and viewer: an operation reads one once,
   * however many filtered pages it asks for (`last` asks twice, `viewer.assets` page after page).
   */
  private readonly wallets = new WeakMap<object, Map<string, Promise<KigoTokenPage['data']>>>();

  /** One filtered page of `sub`'s wallet, for the operation `operation` (its scope). */
  async page(fetch: FetchPage, request: TokenPageRequest & { status: KigoTokenStatus }, operation: object, sub: string): Promise<KigoTokenPage> {
    if (!this.ignored) {
      const answer = await fetch(request);
      if (answer.data.every((token) => token.status === request.status)) return answer;
      this.ignored = true;
    }
    const matches = (await this.wallet(fetch, operation, sub)).filter((token) => token.status === request.status);
    return { data: matches.slice(request.offset, request.offset + request.limit), total: matches.length, offset: request.offset, limit: request.limit };
  }

  private wallet(fetch: FetchPage, operation: object, sub: string): Promise<KigoTokenPage['data']> {
    let read = this.wallets.get(operation);
    if (!read) this.wallets.set(operation, (read = new Map()));
    let tokens = read.get(sub);
    if (!tokens) {
      tokens = readWallet(fetch);
      read.set(sub, tokens);
      // A failed read is not kept: the next page the operation asks for tries again.
      tokens.catch(() => read.delete(sub));
    }
    return tokens;
  }
}

/** Every token of the wallet, unfiltered, 100 a page; an upstream error past LOCAL_FILTER_MAX_PAGES. */
async function readWallet(fetch: FetchPage): Promise<KigoTokenPage['data']> {
  const tokens: KigoTokenPage['data'] = [];
  for (let offset = 0, pages = 0; ; pages++) {
    if (pages === LOCAL_FILTER_MAX_PAGES) {
      throw new UpstreamError(
        Provider.KIGO,
        ErrorCode.UPSTREAM_UNAVAILABLE,
        `Kigo ignores the token status filter and this wallet holds more than ${LOCAL_FILTER_MAX_PAGES * PAGE} tokens to filter here; list it without \`status\``,
      );
    }
    const answer = await fetch({ offset, limit: PAGE });
    tokens.push(...answer.data);
    offset += answer.data.length;
    if (answer.data.length === 0 || offset >= answer.total) return tokens;
  }
}
