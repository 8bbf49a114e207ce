/**
 * Klip's forward-only pages of up to 100 cards as a list that pages both ways (paging/list-source.ts).
 *
 * A position (signed into our cursors by `services.cursors`, so it can be neither forged nor altered)
 * holds where a card sits: the Klip cursor of the page it is on (`k`, `""` for the first page), its
 * index in that page (`i`) and its card id (`id`).
 *
 * Forward, `first: N, after: X` re-reads X's page (through the page cache) and continues after X,
 * crossing into following pages as needed; any N from 1 to 100 needs at most two Klip pages. When the
 * last card returned closes its Klip page and `next_cursor` is not empty, the next page is read to know
 * whether a card follows (Klip does not promise that page is non-empty); the page cache then serves
 * that page to the client's next request, so a walk still costs one upstream call per Klip page.
 *
 * Backward, `last: N, before: X` takes the cards before X on X's page (no read when X opens its page)
 * and, when more are wanted, the page before it, whose Klip cursor the cursor chain knows
 * (klip-cursor-chain.ts): one Klip page call at most when those pages are not cached. When the chain
 * no longer knows it, the page is refused with BAD_USER_INPUT rather than walking the listing from its
 * start. `last` without `before` reads from the last page the chain knows (or the first) forward to
 * the end, at most MAX_PAGE_HOPS pages, then backward as above.
 */
import { badUserInput, ErrorCode, Provider, UpstreamError } from '../errors';
import type { ListSource, Positioned } from '../paging/list-source';

export interface KlipPage<T> {
  items: T[];
  /** `""` on the last page. */
  nextCursor: string;
}

export interface CardPosition {
  k: string;
  i: number;
  id: string;
}

/** One Klip listing (the partner's, or one holder's) as the list needs it. */
export interface KlipListing<T> {
  /** Reads a Klip page by its cursor: cached, and recording the cursor chain. */
  fetchPage(klipCursor: string): Promise<KlipPage<T>>;
  /** The Klip cursor of the page before the page at `klipCursor`, while the chain knows it. */
  previousCursor(klipCursor: string): Promise<string | undefined>;
  /** The Klip cursor of the last page as last seen, while the chain knows it. */
  lastPageCursor(): Promise<string | undefined>;
  idOf(item: T): string;
}

/** Pages of a listing read for one request beyond the first: more means Klip answers empty pages. */
const MAX_PAGE_HOPS = 10;

export function klipSource<T>(listing: KlipListing<T>): ListSource<T, CardPosition> {
  const { fetchPage, idOf } = listing;
  const at = (cursor: string, index: number, node: T): Positioned<T, CardPosition> => ({ node, position: { k: cursor, i: index, id: idOf(node) } });
  const tooManyHops = () => new UpstreamError(Provider.KLIP, ErrorCode.UPSTREAM_UNAVAILABLE, 'Klip answered too many empty card pages in a row');

  return {
    async forward(after, count) {
      let cursor = after?.k ?? '';
      let page = await fetchPage(cursor);
      let index = after ? resumeIndex(page.items, after, idOf) : 0;
      const items: Array<Positioned<T, CardPosition>> = [];
      for (let hops = 0; ; hops++) {
        for (; items.length < count && index < page.items.length; index++) items.push(at(cursor, index, page.items[index]!));
        if (index < page.items.length) return { items, more: true };
        if (page.nextCursor === '') return { items, more: false };
        if (hops === MAX_PAGE_HOPS) throw tooManyHops();
        cursor = page.nextCursor;
        page = await fetchPage(cursor);
        index = 0;
      }
    },

    async backward(before, count) {
      let cursor: string;
      let page: KlipPage<T> | undefined;
      let index: number;
      if (before) {
        cursor = before.k;
        // Nothing precedes the first card of a page on that page: its page need not be read.
        page = before.i === 0 ? undefined : await fetchPage(cursor);
        index = page ? beforeIndex(page.items, before, idOf) : 0;
      } else {
        cursor = (await listing.lastPageCursor()) ?? '';
        page = await fetchPage(cursor);
        for (let hops = 0; page.nextCursor !== ''; hops++) {
          if (hops === MAX_PAGE_HOPS) {
            throw badUserInput(`\`last\` without \`before\` needs the end of this list, more than ${MAX_PAGE_HOPS} Klip pages on: page forward with \`first\`, then back with \`before\``, ['last']);
          }
          cursor = page.nextCursor;
          page = await fetchPage(cursor);
        }
        index = page.items.length;
      }
      let items: Array<Positioned<T, CardPosition>> = [];
      for (let hops = 0; ; hops++) {
        const from = Math.max(0, index - (count - items.length));
        if (page) items = [...page.items.slice(from, index).map((node, j) => at(cursor, from + j, node)), ...items];
        if (items.length === count) return { items, more: from > 0 || cursor !== '' };
        if (cursor === '') return { items, more: false };
        if (hops === MAX_PAGE_HOPS) throw tooManyHops();
        const previous = await listing.previousCursor(cursor);
        if (previous === undefined) {
          throw badUserInput(
            '`before` points into a Klip page whose previous page this gateway no longer knows (it remembers the Klip cursors it saw for as long as it caches card pages): page forward from the start again, or from a newer cursor',
            ['before'],
          );
        }
        cursor = previous;
        page = await fetchPage(cursor);
        index = page.items.length;
      }
    },

    readPosition(value) {
      const p = value as Partial<CardPosition> | null;
      if (typeof p?.k !== 'string' || !Number.isInteger(p.i) || (p.i as number) < 0 || typeof p.id !== 'string' || !/^\d{1,30}$/.test(p.id)) return undefined;
      return { k: p.k, i: p.i as number, id: p.id };
    },
  };
}

/**
 * Where to continue in `items` after the cursor's card. Normally the card is still at its index; if
 * the page changed since (a card moved to another holder), find the card by id; if it is gone,
 * continue at the first card with a larger id, as Klip lists cards in card id order.
 */
function resumeIndex<T>(items: T[], after: CardPosition, idOf: (item: T) => string): number {
  const found = indexOfCard(items, after, idOf);
  return found.exact ? found.index + 1 : found.index;
}

/** Where the cards before the cursor's card end in `items` (exclusive), by the same rules. */
function beforeIndex<T>(items: T[], before: CardPosition, idOf: (item: T) => string): number {
  return indexOfCard(items, before, idOf).index;
}

/** The card's index (`exact`), or the index of the first card with a larger id (the end when none). */
function indexOfCard<T>(items: T[], position: CardPosition, idOf: (item: T) => string): { index: number; exact: boolean } {
  if (items[position.i] !== undefined && idOf(items[position.i]!) === position.id) return { index: position.i, exact: true };
  const found = items.findIndex((item) => idOf(item) === position.id);
  if (found >= 0) return { index: found, exact: true };
  const id = BigInt(position.id);
  const next = items.findIndex((item) => /^\d+$/.test(idOf(item)) && BigInt(idOf(item)) > id);
  return { index: next >= 0 ? next : items.length, exact: false };
}
