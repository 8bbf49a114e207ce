/**
 * Relay paging in both directions over any list that can read forward and backward from a position:
 * the one model behind every connection (Kigo's offsets, Klip's forward-only cursors, the catalog and
 * the store) and behind `viewer.assets`, which chains several lists (chained-connection.ts).
 *
 * pageInfo is exact: forward, `hasNextPage` is whether an item follows the page (the list says, reading
 * one ahead where it must) and `hasPreviousPage` whether one precedes it, which is true exactly when
 * `after` was given (that item precedes); backward, the mirror image.
 */
import { badUserInput } from '../errors';
import { LazyEdge, pageInfoOf, type Connection } from '../schema/connection';
import type { CursorCodec } from '../schema/cursor';

export interface Positioned<T, P> {
  node: T;
  position: P;
}

export interface SourcePage<T, P> {
  /** In list order, both directions. */
  items: Array<Positioned<T, P>>;
  /** Whether the list holds more beyond what was read: after the last item (forward), before the first (backward). */
  more: boolean;
  /** The length of the whole list, when the read learnt it. */
  total?: number;
}

export interface ListSource<T, P> {
  /** Up to `count` items after `after`, or from the start. */
  forward(after: P | undefined, count: number): Promise<SourcePage<T, P>>;
  /** Up to `count` items before `before`, or up to the end. */
  backward(before: P | undefined, count: number): Promise<SourcePage<T, P>>;
  /** The position in a decoded cursor, or undefined when it is not one this list makes. */
  readPosition(value: unknown): P | undefined;
}

export interface PagingArgsInput {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export type Paging<C> = { direction: 'forward'; count: number; after?: C } | { direction: 'backward'; count: number; before?: C };

const DEFAULT_COUNT = 20;
const MAX_COUNT = 100;

/**
 * Checks the paging arguments: one direction per request (`first`/`after` or `last`/`before`), a
 * count from 1 to `max`, and a cursor signed for `kind` whose payload `read` accepts.
 */
export function readPaging<C>(codec: CursorCodec, kind: string, args: PagingArgsInput, read: (payload: unknown) => C | undefined, max = MAX_COUNT): Paging<C> {
  const forward = args.first != null || args.after != null;
  const backward = args.last != null || args.before != null;
  if (forward && backward) {
    const given = [args.first != null && 'first', args.after != null && 'after', args.last != null && 'last', args.before != null && 'before'].filter(Boolean).join('`, `');
    throw badUserInput(`page one way at a time: \`first\`/\`after\` forward or \`last\`/\`before\` backward (got \`${given}\`)`, [args.last != null ? 'last' : 'before']);
  }
  const argName = backward ? 'last' : 'first';
  const count = (backward ? args.last : args.first) ?? DEFAULT_COUNT;
  if (!Number.isInteger(count) || count < 1 || count > max) throw badUserInput(`\`${argName}\` must be between 1 and ${max} (got ${count})`, [argName]);
  const cursorName = backward ? 'before' : 'after';
  const cursor = backward ? args.before : args.after;
  if (cursor == null) return backward ? { direction: 'backward', count } : { direction: 'forward', count };
  const position = read(codec.decode<unknown>(kind, cursor, cursorName));
  if (position === undefined) throw badUserInput(`\`${cursorName}\` is not a valid cursor`, [cursorName]);
  return backward ? { direction: 'backward', count, before: position } : { direction: 'forward', count, after: position };
}

/** One page of a single list as a connection; cursors are the items' positions signed for `kind`. */
export async function sourceConnection<T, P>(codec: CursorCodec, kind: string, source: ListSource<T, P>, args: PagingArgsInput): Promise<Connection<T> & { total?: number }> {
  const paging = readPaging(codec, kind, args, (payload) => source.readPosition(payload));
  if (paging.direction === 'forward') {
    const page = await source.forward(paging.after, paging.count);
    return { ...connectionOf(codec, kind, page.items, { hasNextPage: page.more, hasPreviousPage: paging.after !== undefined }), total: page.total };
  }
  const page = await source.backward(paging.before, paging.count);
  return { ...connectionOf(codec, kind, page.items, { hasNextPage: paging.before !== undefined, hasPreviousPage: page.more }), total: page.total };
}

/** A connection of `items`; each edge signs its cursor (the item's position) only if it is read (LazyEdge). */
export function connectionOf<T, P>(codec: CursorCodec, kind: string, items: Array<Positioned<T, P>>, flags: { hasNextPage: boolean; hasPreviousPage: boolean }): Connection<T> {
  const edges = items.map((item) => new LazyEdge(codec, kind, item.position as object, item.node));
  return { edges, nodes: items.map((item) => item.node), pageInfo: pageInfoOf(edges, flags.hasNextPage, flags.hasPreviousPage) };
}

/** A list with nothing in it (a viewer without a linked address has no cards). */
export function emptySource<T, P>(): ListSource<T, P> {
  return {
    forward: async () => ({ items: [], more: false }),
    backward: async () => ({ items: [], more: false }),
    readPosition: () => undefined,
  };
}
