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

export interface OffsetSourceOptions {
  /**
   * The most one read may ask for. A backward page from the end reads this many from the start first
   * (it must learn the length anyway): when the list is no longer, that one read is the answer.
   * @default the page size (reading more than asked may cost, such as refreshing pending orders)
   */
  maxLimit?: number;
}

export function offsetSource<T>(read: OffsetRead<T>, options: OffsetSourceOptions = {}): ListSource<T, OffsetPosition> {
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
      const limit = Math.max(count, options.maxLimit ?? count);
      const first = await read(0, limit);
      if (first.total <= limit) {
        const offset = Math.max(0, first.items.length - count);
        return page(first.items.slice(offset), offset, offset > 0, first.total);
      }
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
