import 'reflect-metadata';
import { chainedConnection, type ChainedList } from '../../src/paging/chained-connection';
import type { ListSource, PagingArgsInput } from '../../src/paging/list-source';
import { offsetSource } from '../../src/paging/offset-source';
import { CursorCodec } from '../../src/schema/cursor';
import type { VoucherCode, VoucherOrder } from '../../src/schema/voucher-order.type';
import { voucherCodeSource } from '../../src/vouchers/voucher-code-source';
import { inListOrder, walkBackward, walkForward, type PageShape, type ReadPage } from '../helpers/paging';

const codec = new CursorCodec('unit-test-secret');

/** An in-memory list that counts its reads. */
function counted(items: string[]) {
  const reads: Array<[number, number]> = [];
  const source = offsetSource(async (offset, limit) => {
    reads.push([offset, limit]);
    return { items: items.slice(offset, offset + limit), total: items.length };
  });
  return { source, reads };
}

function chain(lists: Array<[string, ListSource<string, unknown>]>): ReadPage<string> {
  const chained: Array<ChainedList<string>> = lists.map(([key, source]) => ({ key, source }));
  return async (args: PagingArgsInput) => {
    const connection = await chainedConnection(codec, 'Chain', chained, args);
    return { items: connection.nodes, pageInfo: connection.pageInfo };
  };
}

function expectExact(forward: Array<PageShape<string>>, backward: Array<PageShape<string>>, all: string[]) {
  expect(forward.flatMap((p) => p.items)).toEqual(all);
  expect(inListOrder(backward)).toEqual(all);
  expect(forward.map((p) => [p.pageInfo.hasPreviousPage, p.pageInfo.hasNextPage])).toEqual(forward.map((_, i) => [i > 0, i < forward.length - 1]));
  expect(backward.map((p) => [p.pageInfo.hasPreviousPage, p.pageInfo.hasNextPage])).toEqual(backward.map((_, i) => [i < backward.length - 1, i > 0]));
}

describe('chainedConnection', () => {
  const ALL = ['a1', 'a2', 'a3', 'c1', 'c2'];

  it.each([1, 2, 3, 4, 5, 6])('walks lists with an empty one between both ways, each item once, exact pageInfo (pages of %i)', async (size) => {
    const read = chain([
      ['A', counted(['a1', 'a2', 'a3']).source],
      ['B', counted([]).source],
      ['C', counted(['c1', 'c2']).source],
    ]);
    const forward = await walkForward(read, size);
    const backward = await walkBackward(read, size);
    expectExact(forward, backward, ALL);
    expect(forward).toHaveLength(Math.ceil(ALL.length / size));
  });

  it('asks the lists beyond a page that ends a list for one item each, and only then', async () => {
    const a = counted(['a1', 'a2', 'a3']);
    const b = counted([]);
    const c = counted(['c1', 'c2']);
    const read = chain([['A', a.source], ['B', b.source], ['C', c.source]]);
    const page = await read({ first: 3 });
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect([a.reads, b.reads, c.reads]).toEqual([[[0, 3]], [[0, 1]], [[0, 1]]]);
    const within = await read({ first: 2 });
    expect(within.pageInfo.hasNextPage).toBe(true);
    expect([b.reads.length, c.reads.length]).toEqual([1, 1]);
  });

  it('refuses a cursor naming a list the chain does not hold, and a position that list does not make', async () => {
    const full = chain([['A', counted(['a1']).source], ['C', counted(['c1']).source]]);
    const cursor = (await full({ first: 2 })).pageInfo.endCursor!;
    const withoutC = chain([['A', counted(['a1']).source]]);
    await expect(withoutC({ first: 1, after: cursor })).rejects.toThrow('`after` is not a valid cursor');
    await expect(full({ last: 1, before: codec.encode('Chain', { s: 'A', p: { o: -1 } }) })).rejects.toThrow('`before` is not a valid cursor');
  });
});

describe('voucherCodeSource', () => {
  /** Orders with these numbers of codes, newest first; code `o.c` is order o's code c. */
  function orders(codeCounts: number[]) {
    const all = codeCounts.map((n, o) => ({ codes: Array.from({ length: n }, (_, c) => ({ code: `${o}.${c}` }) as VoucherCode) }) as VoucherOrder);
    return voucherCodeSource(async (offset, limit) => ({ items: all.slice(offset, offset + limit), total: all.length }));
  }

  it.each([1, 2, 3, 7])('walks the codes of orders (some without codes yet) both ways, pages of %i', async (size) => {
    const source = orders([2, 0, 1, 0, 0, 3, 0]);
    const read = chain([['X', source as unknown as ListSource<string, unknown>]]);
    const codes = (page: PageShape<string>): PageShape<string> => ({ ...page, items: page.items.map((c) => (c as unknown as VoucherCode).code) });
    const forward = (await walkForward(read, size)).map(codes);
    const backward = (await walkBackward(read, size)).map(codes);
    expectExact(forward, backward, ['0.0', '0.1', '2.0', '5.0', '5.1', '5.2']);
  });

  it('is empty for a viewer whose orders have no codes', async () => {
    const source = orders([0, 0]);
    expect(await source.forward(undefined, 5)).toEqual({ items: [], more: false });
    expect(await source.backward(undefined, 5)).toEqual({ items: [], more: false });
  });
});
