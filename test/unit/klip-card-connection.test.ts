import 'reflect-metadata';
import { CardPageCache } from '../../src/cards/card-page-cache';
import { klipSource, type KlipPage } from '../../src/cards/card-connection';
import { readPaging, sourceConnection, type PagingArgsInput } from '../../src/paging/list-source';
import type { Connection } from '../../src/schema/connection';
import { CursorCodec } from '../../src/schema/cursor';
import { inListOrder, walkBackward, walkForward, type ReadPage } from '../helpers/paging';

const codec = new CursorCodec('unit-test-secret');
const KIND = 'Test';

/**
 * Klip-like pages keyed by cursor: `pages[n]` is reached with cursor `c<n>` (`""` for the first). The
 * chain learns a link when a page is read, as the card service's does; `forget` drops what it learnt.
 */
function listing(pages: string[][]) {
  const calls: string[] = [];
  const previous = new Map<string, string>();
  let end: string | undefined;
  const source = klipSource<string>({
    fetchPage: async (cursor: string): Promise<KlipPage<string>> => {
      calls.push(cursor);
      const n = cursor === '' ? 0 : Number(cursor.slice(1));
      const page = { items: pages[n]!, nextCursor: n + 1 < pages.length ? `c${n + 1}` : '' };
      if (page.nextCursor === '') end = cursor;
      else previous.set(page.nextCursor, cursor);
      return page;
    },
    previousCursor: async (cursor) => previous.get(cursor),
    lastPageCursor: async () => end,
    idOf: (s) => s,
  });
  const page = (args: PagingArgsInput): Promise<Connection<string>> => sourceConnection(codec, KIND, source, args);
  // The same pages as the paging helpers walk them.
  const read: ReadPage<string> = async (args) => {
    const connection = await page(args);
    return { items: connection.nodes, pageInfo: connection.pageInfo };
  };
  return { source, page, read, calls, forget: () => previous.clear() };
}

const walk = (pages: string[][], first: number) => walkForward(listing(pages).read, first);

describe('Klip listings paged forward', () => {
  it('reads the next Klip page to decide hasNextPage at a page boundary, skipping empty non-final pages', async () => {
    const pages = await walk([['1', '2'], [], ['3'], [], []], 2);
    expect(pages.map((p) => p.items)).toEqual([['1', '2'], ['3']]);
    expect(pages.map((p) => p.pageInfo.hasNextPage)).toEqual([true, false]);
  });

  it('says hasNextPage false when only empty pages follow', async () => {
    const pages = await walk([['1', '2'], [], []], 2);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
  });

  it('crosses pages within one connection page', async () => {
    const pages = await walk([['1', '2', '3'], ['4', '5', '6'], ['7']], 5);
    expect(pages.map((p) => p.items)).toEqual([['1', '2', '3', '4', '5'], ['6', '7']]);
    expect(pages.map((p) => p.pageInfo.hasPreviousPage)).toEqual([false, true]);
  });

  it('continues after the card by id when its page changed since the cursor was made', async () => {
    const first = await listing([['10', '20', '30', '40']]).page({ first: 2 });
    const after = first.pageInfo.endCursor;
    const shifted = listing([['10', '30', '40']]); // card 20 moved away; 30 now sits at its index
    expect((await shifted.page({ first: 2, after })).nodes).toEqual(['30', '40']);
    const moved = listing([['5', '10', '20', '30']]); // card 20 moved to another index
    expect((await moved.page({ first: 1, after })).nodes).toEqual(['30']);
  });
});

describe('Klip listings paged backward', () => {
  const PAGES = [['1', '2', '3'], ['4', '5', '6'], ['7', '8']];

  it('walks back from the end through the chain, the same items in reverse with exact pageInfo', async () => {
    const { read, calls } = listing(PAGES);
    const forward = await walk(PAGES, 3);
    const backward = await walkBackward(read, 3);
    expect(inListOrder(backward)).toEqual(forward.flatMap((p) => p.items));
    expect([...backward].reverse().map((p) => p.items)).toEqual([['1', '2'], ['3', '4', '5'], ['6', '7', '8']]);
    expect(backward.map((p) => [p.pageInfo.hasPreviousPage, p.pageInfo.hasNextPage])).toEqual([[true, false], [true, true], [false, true]]);
    // From the end: the first page, then forward to the last; then back: each page once more at most.
    expect(calls.slice(0, 3)).toEqual(['', 'c1', 'c2']);
  });

  it('reads no page for a cursor that opens its page, and only the previous page when more is wanted', async () => {
    const { page, calls } = listing(PAGES);
    const forward = await page({ first: 4 }); // ends at '4', the first card of page c1
    calls.length = 0;
    const back = await page({ last: 2, before: forward.pageInfo.endCursor });
    expect(back.nodes).toEqual(['2', '3']);
    expect(back.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
    expect(calls).toEqual(['']);
  });

  it('refuses with BAD_USER_INPUT a backward page across a link the chain no longer knows', async () => {
    const { page, forget } = listing(PAGES);
    const forward = await page({ first: 4 });
    forget();
    await expect(page({ last: 2, before: forward.pageInfo.endCursor })).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: ['before'] } });
    // Within the page it still works.
    const within = await page({ first: 2, after: (await page({ first: 4 })).edges[1]!.cursor });
    expect(within.nodes).toEqual(['3', '4']);
  });
});

describe('readPaging', () => {
  const read = listing([['1']]).source.readPosition;

  it('refuses a cursor of another listing kind', () => {
    const cursor = codec.encode('Other', { k: '', i: 0, id: '1' });
    expect(() => readPaging(codec, KIND, { after: cursor }, read)).toThrow(/not a cursor this connection issued/);
  });

  it('refuses a signed cursor whose position is malformed', () => {
    for (const payload of [{ k: 1, i: 0, id: '1' }, { k: '', i: -1, id: '1' }, { k: '', i: 0.5, id: '1' }, { k: '', i: 0, id: 'x' }, {}]) {
      expect(() => readPaging(codec, KIND, { after: codec.encode(KIND, payload) }, read)).toThrow('`after` is not a valid cursor');
      expect(() => readPaging(codec, KIND, { before: codec.encode(KIND, payload) }, read)).toThrow('`before` is not a valid cursor');
    }
  });

  it('refuses both directions at once and counts out of range, naming the argument', () => {
    expect(() => readPaging(codec, KIND, { first: 2, last: 2 }, read)).toThrow(/one way at a time/);
    expect(() => readPaging(codec, KIND, { last: 0 }, read)).toThrow('`last` must be between 1 and 100 (got 0)');
    expect(() => readPaging(codec, KIND, { first: 101 }, read)).toThrow('`first` must be between 1 and 100 (got 101)');
  });
});

describe('CardPageCache', () => {
  it('keeps a page for its TTL, then fetches again', async () => {
    let now = 0;
    const cache = new CardPageCache<number>({ ttlMs: 1000, now: () => now });
    let fetches = 0;
    const fetch = async () => ++fetches;
    expect(await cache.get('a', fetch)).toBe(1);
    now = 999;
    expect(await cache.get('a', fetch)).toBe(1);
    now = 1000;
    expect(await cache.get('a', fetch)).toBe(2);
  });

  it('forgets a failed fetch at once, and evicts the least recently used page beyond its bound', async () => {
    const cache = new CardPageCache<string>({ ttlMs: 60_000, maxEntries: 2 });
    await expect(cache.get('x', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('x', async () => 'x1')).toBe('x1');
    await cache.get('y', async () => 'y1');
    await cache.get('x', async () => 'x2'); // touch x: y is now the oldest
    await cache.get('z', async () => 'z1');
    expect(cache.size).toBe(2);
    expect(await cache.get('x', async () => 'x3')).toBe('x1');
    expect(await cache.get('y', async () => 'y2')).toBe('y2');
  });

  it('fetches every time when its TTL is 0', async () => {
    const cache = new CardPageCache<number>({ ttlMs: 0 });
    let fetches = 0;
    await cache.get('a', async () => ++fetches);
    await cache.get('a', async () => ++fetches);
    expect(fetches).toBe(2);
    expect(cache.size).toBe(0);
  });
});
