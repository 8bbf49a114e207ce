/**
 * A ListSource over a list read by offset and limit that says its length (Kigo's wallet, the synced
 * catalog, the store's orders). Positions are `{o: index}`, the cursor payload those connections have
 * always signed, so cursors issued before backward paging existed still work.
 */
import type { ListSource, SourcePage } from './list-source';

export interface OffsetPosition {
  o: number;
}

/** One read: the items at `offset`, up to `limit`, and how many the list holds in all. */
export type OffsetRead<T> = (offset: number, limit: number) => Promise<{ items: T[]; total: number }>;

export function offsetSource<T>(read: OffsetRead<T>): ListSource<T, OffsetPosition> {
  const page = (items: T[], offset: number, more: boolean, total: number): SourcePage<T, OffsetPosition> => ({
    items: items.map((node, i) => ({ node, position: { o: offset + i } })),
    more,
    total,
  });
  return {
    async forward(after, count) {
      const offset = after ? after.o + 1 : 0;
      const { items, total } = await read(offset, count);
      return page(items, offset, offset + items.length < total, total);
    },
    async backward(before, count) {
      if (before) {
        const offset = Math.max(0, before.o - count);
        if (before.o === 0) return { items: [], more: false };
        const { items, total } = await read(offset, before.o - offset);
        return page(items, offset, offset > 0, total);
      }
      // From the end: the first read says how long the list is, and is the answer when it is short.
      const first = await read(0, count);
      if (first.total <= count) return page(first.items, 0, false, first.total);
      const offset = first.total - count;
      const { items, total } = await read(offset, count);
      return page(items, offset, offset > 0, total);
    },
    readPosition(value) {
      const o = (value as Partial<OffsetPosition> | null)?.o;
      return typeof o === 'number' && Number.isInteger(o) && o >= 0 ? { o } : undefined;
    },
  };
}
