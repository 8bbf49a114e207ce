/**
 * Relay connections over Klip's forward-only pages of up to 100 cards.
 *
 * Our cursor (signed by `services.cursors`, so it can be neither forged nor altered) holds where an
 * item sits: the Klip cursor of the page it is on (`k`, `""` for the first page), its index in that
 * page (`i`) and its card id (`id`). `first: N, after: X` re-reads X's page (through the page cache)
 * and continues after X, crossing into following pages as needed. Any `first` from 1 to 100 works
 * because at most two Klip pages are needed per request.
 *
 * `pageInfo` is exact: `hasNextPage` is true iff another card follows the last one returned. When the
 * last card returned closes its Klip page and `next_cursor` is not empty, the next page is read to
 * find out (Klip does not promise that page is non-empty); the page cache then serves that page to the
 * client's next request, so a walk still costs one upstream call per Klip page. `hasPreviousPage` is
 * true iff a card precedes the first position of this page.
 */
import { badUserInput, ErrorCode, Provider, UpstreamError } from '../errors';
import type { Connection, Edge } from '../schema/connection';
import { checkFirst, LazyEdge, pageInfoOf } from '../schema/connection';
import type { CursorCodec } from '../schema/cursor';

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

export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

const DEFAULT_FIRST = 20;
const MAX_FIRST = 100;
/** Pages of a listing read for one request beyond the first: more means Klip answers empty pages. */
const MAX_PAGE_HOPS = 10;

/** Checks the arguments: forward only, `first` in 1..100, `after` a cursor of this listing (`kind`). */
export function readConnectionArgs(codec: CursorCodec, kind: string, args: ConnectionArgs): { first: number; after?: CardPosition } {
  if (args.last != null || args.before != null) {
    const given = args.last != null ? 'last' : 'before';
    throw badUserInput(`\`${given}\` is not supported: Klip pages only forward, so page with \`first\` and \`after\``, [given]);
  }
  const first = checkFirst(args.first, DEFAULT_FIRST, MAX_FIRST);
  if (args.after == null) return { first };
  const after = codec.decode<Partial<CardPosition>>(kind, args.after);
  if (typeof after?.k !== 'string' || !Number.isInteger(after.i) || (after.i as number) < 0 || typeof after.id !== 'string' || !/^\d{1,30}$/.test(after.id)) {
    throw badUserInput('`after` is not a valid cursor', ['after']);
  }
  return { first, after: after as CardPosition };
}

/**
 * One connection page: `first` items after `after`. `fetchPage` reads a Klip page by its cursor (it
 * should be cached: it is called again for the page `after` points into).
 */
export async function klipConnection<T>(options: {
  codec: CursorCodec;
  kind: string;
  first: number;
  after?: CardPosition;
  fetchPage: (klipCursor: string) => Promise<KlipPage<T>>;
  idOf: (item: T) => string;
}): Promise<Connection<T>> {
  const { codec, kind, first, after, fetchPage, idOf } = options;
  let cursor = after?.k ?? '';
  let page = await fetchPage(cursor);
  let index = after ? resumeIndex(page.items, after, idOf) : 0;
  const hasPreviousPage = cursor !== '' || index > 0;
  const edges: Edge<T>[] = [];
  let hasNextPage: boolean;
  for (let hops = 0; ; hops++) {
    for (; edges.length < first && index < page.items.length; index++) {
      const node = page.items[index]!;
      edges.push(new LazyEdge(codec, kind, { k: cursor, i: index, id: idOf(node) } satisfies CardPosition, node));
    }
    if (index < page.items.length) {
      hasNextPage = true;
      break;
    }
    if (page.nextCursor === '') {
      hasNextPage = false;
      break;
    }
    if (hops === MAX_PAGE_HOPS) {
      throw new UpstreamError(Provider.KLIP, ErrorCode.UPSTREAM_UNAVAILABLE, 'Klip answered too many empty card pages in a row');
    }
    cursor = page.nextCursor;
    page = await fetchPage(cursor);
    index = 0;
  }
  return connectionOf(edges, hasNextPage, hasPreviousPage);
}

/** An empty connection (a viewer with no linked address). */
export function emptyConnection<T>(): Connection<T> {
  return connectionOf<T>([], false, false);
}

function connectionOf<T>(edges: Edge<T>[], hasNextPage: boolean, hasPreviousPage: boolean): Connection<T> {
  return { edges, nodes: edges.map((e) => e.node), pageInfo: pageInfoOf(edges, hasNextPage, hasPreviousPage) };
}

/**
 * Where to continue in `items` after the cursor's card. Normally the card is still at its index; if
 * the page changed since (a card moved to another holder), find the card by id; if it is gone,
 * continue at the first card with a larger id, as Klip lists cards in card id order.
 */
function resumeIndex<T>(items: T[], after: CardPosition, idOf: (item: T) => string): number {
  if (items[after.i] !== undefined && idOf(items[after.i]!) === after.id) return after.i + 1;
  const found = items.findIndex((item) => idOf(item) === after.id);
  if (found >= 0) return found + 1;
  const afterId = BigInt(after.id);
  const next = items.findIndex((item) => /^\d+$/.test(idOf(item)) && BigInt(idOf(item)) > afterId);
  return next >= 0 ? next : items.length;
}
