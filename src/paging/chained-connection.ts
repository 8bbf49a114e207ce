/**
 * One Relay connection over several lists read one after another (`viewer.assets`): the whole of the
 * first list, then the whole of the second, and so on. Each list keeps its own order and its own
 * paging, so a page reads each list at most once, with the same calls a page of that list alone would
 * make, and a full walk costs what walking the lists one by one costs.
 *
 * A cursor is composite and opaque: which list the item is in (`s`) and the item's position in that
 * list (`p`, the list's own position), signed for the connection's kind like every cursor.
 *
 * pageInfo is exact: when a page fills up exactly at the end (forward) or start (backward) of a list,
 * the lists beyond are asked whether they hold anything (one item read from the start of each, until
 * one does). Forward, that is the page the next request will want, which the Klip page cache then
 * serves; backward, the next request reads the preceding list from its end, so the check is a read of
 * its own (reading from the end instead could walk a Klip listing whose end the cursor chain forgot).
 */
import type { Connection } from '../schema/connection';
import type { CursorCodec } from '../schema/cursor';
import { connectionOf, readPaging, type ListSource, type PagingArgsInput, type Positioned } from './list-source';

export interface ChainedList<T> {
  /** Names the list in cursors: stable, and unique within the chain. */
  key: string;
  source: ListSource<T, unknown>;
}

interface ChainedPosition {
  s: string;
  p: unknown;
}

export async function chainedConnection<T>(codec: CursorCodec, kind: string, lists: Array<ChainedList<T>>, args: PagingArgsInput): Promise<Connection<T>> {
  const paging = readPaging(codec, kind, args, (payload) => {
    const { s, p } = (payload ?? {}) as Partial<ChainedPosition>;
    const index = lists.findIndex((list) => list.key === s);
    const position = index >= 0 ? lists[index]!.source.readPosition(p) : undefined;
    return position === undefined ? undefined : { index, position };
  });
  const wrap = (key: string) => (item: Positioned<T, unknown>): Positioned<T, ChainedPosition> => ({ node: item.node, position: { s: key, p: item.position } });
  let items: Array<Positioned<T, ChainedPosition>> = [];

  if (paging.direction === 'forward') {
    const start = paging.after?.index ?? 0;
    let hasNextPage = false;
    for (let i = start; i < lists.length; i++) {
      const list = lists[i]!;
      const page = await list.source.forward(i === start ? paging.after?.position : undefined, paging.count - items.length);
      items.push(...page.items.map(wrap(list.key)));
      if (items.length === paging.count) {
        hasNextPage = page.more || (await anyItem(lists.slice(i + 1)));
        break;
      }
    }
    return connectionOf(codec, kind, items, { hasNextPage, hasPreviousPage: paging.after !== undefined });
  }

  const start = paging.before?.index ?? lists.length - 1;
  let hasPreviousPage = false;
  for (let i = start; i >= 0; i--) {
    const list = lists[i]!;
    const page = await list.source.backward(i === start ? paging.before?.position : undefined, paging.count - items.length);
    items = [...page.items.map(wrap(list.key)), ...items];
    if (items.length === paging.count) {
      hasPreviousPage = page.more || (await anyItem(lists.slice(0, i)));
      break;
    }
  }
  return connectionOf(codec, kind, items, { hasNextPage: paging.before !== undefined, hasPreviousPage });
}

/** Whether any of `lists` holds an item: one item read from the start of each, in order, until one does. */
async function anyItem<T>(lists: Array<ChainedList<T>>): Promise<boolean> {
  for (const list of lists) if ((await list.source.forward(undefined, 1)).items.length > 0) return true;
  return false;
}
