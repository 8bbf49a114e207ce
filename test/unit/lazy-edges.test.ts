import 'reflect-metadata';
import { connectionOf } from '../../src/paging/list-source';
import { LazyEdge, pageInfoOf } from '../../src/schema/connection';
import { CursorCodec } from '../../src/schema/cursor';

/** Items at offsets `offset`…, as an offset list positions them. */
const at = (offset: number, items: string[]) => items.map((node, i) => ({ node, position: { o: offset + i } }));

/** A codec that counts what it signs. */
class CountingCodec extends CursorCodec {
  signed = 0;
  override encode(kind: string, payload: unknown): string {
    this.signed++;
    return super.encode(kind, payload);
  }
}

describe('edges sign their cursor when it is read', () => {
  it('signs nothing for a page read through nodes only', () => {
    const codec = new CountingCodec('secret');
    const page = connectionOf(codec, 'Token', at(10, ['a', 'b', 'c']), { hasNextPage: true, hasPreviousPage: true });
    expect(page.nodes).toEqual(['a', 'b', 'c']);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(page.pageInfo.hasPreviousPage).toBe(true);
    expect(codec.signed).toBe(0);
  });

  it('signs each cursor once, the same one edges and pageInfo show, and it decodes to the position', () => {
    const codec = new CountingCodec('secret');
    const page = connectionOf(codec, 'Token', at(10, ['a', 'b', 'c']), { hasNextPage: false, hasPreviousPage: true });
    const last = page.edges[2]!.cursor;
    expect(page.pageInfo.endCursor).toBe(last);
    expect(page.edges[2]!.cursor).toBe(last);
    expect(codec.signed).toBe(1);
    expect(codec.decode<{ o: number }>('Token', last)).toEqual({ o: 12 });
    expect(page.pageInfo.startCursor).toBe(page.edges[0]!.cursor);
    expect(codec.signed).toBe(2);
    expect(page.pageInfo.hasNextPage).toBe(false);
  });

  it('gives an empty page null cursors', () => {
    const info = pageInfoOf([], false, false);
    expect([info.startCursor, info.endCursor]).toEqual([null, null]);
    expect(new LazyEdge(new CursorCodec('k'), 'Card', { i: 0 }, 'x').node).toBe('x');
  });
});
