/**
 * The codes of a viewer's voucher orders as one list (for `viewer.assets`): orders newest first, as
 * `viewer.voucherOrders` lists them, and each order's codes in Xoxoday's order; orders without codes
 * yet (deliveryStatus PENDING) add nothing. Read from the store, a chunk of orders at a time, as many
 * chunks as the page needs (pending orders are refreshed as `voucherOrders` refreshes them).
 * A position is the order's index in that list (`o`) and the code's index in the order (`c`).
 */
import type { ListSource, Positioned } from '../paging/list-source';
import type { VoucherCode, VoucherOrder } from '../schema/voucher-order.type';

export interface CodePosition {
  o: number;
  c: number;
}

/** Reads `limit` orders from `offset`, newest first, and how many there are in all. */
export type OrderRead = (offset: number, limit: number) => Promise<{ items: VoucherOrder[]; total: number }>;

const MIN_CHUNK = 20;

export function voucherCodeSource(read: OrderRead): ListSource<VoucherCode, CodePosition> {
  const at = (order: VoucherOrder, o: number, c: number): Positioned<VoucherCode, CodePosition> => ({ node: order.codes[c]!, position: { o, c } });
  return {
    async forward(after, count) {
      const chunk = Math.max(count, MIN_CHUNK);
      const items: Array<Positioned<VoucherCode, CodePosition>> = [];
      let offset = after?.o ?? 0;
      let skip = after ? after.c + 1 : 0;
      for (;;) {
        const { items: orders, total } = await read(offset, chunk);
        for (const [j, order] of orders.entries()) {
          for (let c = j === 0 ? skip : 0; c < order.codes.length; c++) {
            // One code beyond the page says whether more follow.
            if (items.length === count) return { items, more: true };
            items.push(at(order, offset + j, c));
          }
        }
        offset += orders.length;
        skip = 0;
        if (orders.length < chunk || offset >= total) return { items, more: false };
      }
    },

    async backward(before, count) {
      const chunk = Math.max(count, MIN_CHUNK);
      const items: Array<Positioned<VoucherCode, CodePosition>> = [];
      let end = before ? before.o + 1 : (await read(0, 0)).total;
      while (end > 0) {
        const start = Math.max(0, end - chunk);
        const { items: orders } = await read(start, end - start);
        for (let j = orders.length - 1; j >= 0; j--) {
          const o = start + j;
          const order = orders[j]!;
          for (let c = (before && o === before.o ? before.c : order.codes.length) - 1; c >= 0; c--) {
            if (items.length === count) return { items: items.reverse(), more: true };
            items.push(at(order, o, c));
          }
        }
        end = start;
      }
      return { items: items.reverse(), more: false };
    },

    readPosition(value) {
      const { o, c } = (value ?? {}) as Partial<CodePosition>;
      return Number.isInteger(o) && (o as number) >= 0 && Number.isInteger(c) && (c as number) >= 0 ? { o: o as number, c: c as number } : undefined;
    },
  };
}
