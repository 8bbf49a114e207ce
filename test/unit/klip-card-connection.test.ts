import 'reflect-metadata';
import { CardPageCache } from '../../src/cards/card-page-cache';
import { klipConnection, readConnectionArgs, type CardPosition, type KlipPage } from '../../src/cards/card-connection';
import type { Connection } from '../../src/schema/connection';
import { CursorCodec } from '../../src/schema/cursor';

const codec = new CursorCodec('unit-test-secret');
const KIND = 'Test';

/** Klip-like pages keyed by cursor: `pages[n]` is reached with cursor `c<n>` (`""` for the first). */
function listing(pages: string[][]) {
  const calls: string[] = [];
  const fetchPage = async (cursor: string): Promise<KlipPage<string>> => {
    calls.push(cursor);
    const n = cursor === '' ? 0 : Number(cursor.slice(1));
    return { items: pages[n]!, nextCursor: n + 1 < pages.length ? `c${n + 1}` : '' };
  };
  return { fetchPage, calls };
}

async function walk(pages: string[][], first: number) {
  const { fetchPage } = listing(pages);
  const results: Array<Connection<string>> = [];
  let after: CardPosition | undefined;
  for (let i = 0; i < 100; i++) {
    const page: Connection<string> = await klipConnection({ codec, kind: KIND, first, after, fetchPage, idOf: (s) => s });
    results.push(page);
    if (!page.pageInfo.hasNextPage) break;
    after = readConnectionArgs(codec, KIND, { first, after: page.pageInfo.endCursor }).after;
  }
  return results;
}

describe('klipConnection', () => {
  it('reads the next Klip page to decide hasNextPage at a page boundary, skipping empty non-final pages', async () => {
    const pages = await walk([['1', '2'], [], ['3'], [], []], 2);
    expect(pages.map((p) => p.nodes)).toEqual([['1', '2'], ['3']]);
    expect(pages.map((p) => p.pageInfo.hasNextPage)).toEqual([true, false]);
  });

  it('says hasNextPage false when only empty pages follow', async () => {
    const pages = await walk([['1', '2'], [], []], 2);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
  });

  it('crosses pages within one connection page', async () => {
    const pages = await walk([['1', '2', '3'], ['4', '5', '6'], ['7']], 5);
    expect(pages.map((p) => p.nodes)).toEqual([['1', '2', '3', '4', '5'], ['6', '7']]);
    expect(pages.map((p) => p.pageInfo.hasPreviousPage)).toEqual([false, true]);
  });

  it('continues after the card by id when its page changed since the cursor was made', async () => {
    const { fetchPage } = listing([['10', '20', '30', '40']]);
    const page = await klipConnection({ codec, kind: KIND, first: 2, fetchPage, idOf: (s) => s });
    const after = readConnectionArgs(codec, KIND, { first: 2, after: page.pageInfo.endCursor }).after!;
    const shifted = listing([['10', '30', '40']]); // card 20 moved away; 30 now sits at its index
    const next = await klipConnection({ codec, kind: KIND, first: 2, after, fetchPage: shifted.fetchPage, idOf: (s) => s });
    expect(next.nodes).toEqual(['30', '40']);
    const moved = listing([['5', '10', '20', '30']]); // card 20 moved to another index
    expect((await klipConnection({ codec, kind: KIND, first: 1, after, fetchPage: moved.fetchPage, idOf: (s) => s })).nodes).toEqual(['30']);
  });
});

describe('readConnectionArgs', () => {
  it('refuses a cursor of another listing kind', () => {
    const cursor = codec.encode('Other', { k: '', i: 0, id: '1' });
    expect(() => readConnectionArgs(codec, KIND, { after: cursor })).toThrow(/not a cursor this connection issued/);
  });

  it('refuses a signed cursor whose position is malformed', () => {
    for (const payload of [{ k: 1, i: 0, id: '1' }, { k: '', i: -1, id: '1' }, { k: '', i: 0.5, id: '1' }, { k: '', i: 0, id: 'x' }, {}]) {
      expect(() => readConnectionArgs(codec, KIND, { after: codec.encode(KIND, payload) })).toThrow('`after` is not a valid cursor');
    }
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
