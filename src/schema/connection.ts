/**
 * Relay connections: the Edge/Connection object types of a node type. How pages are read, both ways,
 * is in paging/ (list-source.ts).
 */
import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import type { CursorCodec } from './cursor';
import { PageInfo } from './page-info.type';

export interface Edge<T> {
  cursor: string;
  node: T;
}

/**
 * An edge whose cursor is signed when it is first read: a client that selects `nodes`, or edges without
 * `cursor`, pays no HMAC (an edge's cursor was ~5 % of a 20-token page's CPU, measured by
 * `npm run bench -- throughput --cpu-profile`).
 */
export class LazyEdge<T> implements Edge<T> {
  private signed?: string;

  constructor(
    private readonly codec: CursorCodec,
    private readonly kind: string,
    private readonly position: object,
    readonly node: T,
  ) {}

  get cursor(): string {
    return (this.signed ??= this.codec.encode(this.kind, this.position));
  }
}

/** The PageInfo of `edges`: `startCursor`/`endCursor` read from the edges when selected. */
class EdgesPageInfo implements PageInfo {
  constructor(
    private readonly edges: readonly Edge<unknown>[],
    readonly hasNextPage: boolean,
    readonly hasPreviousPage: boolean,
  ) {}

  get startCursor(): string | null {
    return this.edges[0]?.cursor ?? null;
  }

  get endCursor(): string | null {
    return this.edges.at(-1)?.cursor ?? null;
  }
}

export function pageInfoOf(edges: readonly Edge<unknown>[], hasNextPage: boolean, hasPreviousPage: boolean): PageInfo {
  return new EdgesPageInfo(edges, hasNextPage, hasPreviousPage);
}

export interface Connection<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount?: number;
}

/**
 * `TokenEdge`/`TokenConnection`-style types for a node class. `noun` names the items in descriptions
 * ("token"); `description` replaces the connection's default one.
 */
export function connectionTypes<T extends object>(
  NodeClass: ClassType<T>,
  name: string,
  options: { noun: string; description?: string; totalCount?: boolean },
) {
  const { noun } = options;

  @ObjectType(`${name}Edge`, { description: `One ${noun} in a page, with the cursor that marks its place in the list.` })
  class EdgeType {
    @Field(() => String, { description: `Opaque; pass it as \`after\` to read on from this ${noun}, or as \`before\` to read what precedes it, in the same list (with the same filters).` })
    cursor!: string;

    @Field(() => NodeClass, { description: `The ${noun}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: options.description ?? `A page of ${noun}s (a Relay connection): select \`edges\` to page through them.` })
  class ConnectionType {
    @Field(() => [EdgeType], { description: `The ${noun}s of this page with their cursors, in list order. What Apollo Client's relayStylePagination and Relay merge across pages.` })
    edges!: EdgeType[];

    @Field(() => [NodeClass], { description: `The same ${noun}s as \`edges\`, without cursors: a convenience for reading one page.` })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Whether more follows, and the cursors to page on with.' })
    pageInfo!: PageInfo;
  }

  if (options.totalCount) {
    @ObjectType(`${name}Connection`, { description: options.description ?? `A page of ${noun}s (a Relay connection): select \`edges\` to page through them.` })
    class CountedConnectionType extends ConnectionType {
      @Field(() => Int, { description: `How many ${noun}s the whole list holds, across every page.` })
      totalCount!: number;
    }
    return { Edge: EdgeType, Connection: CountedConnectionType as typeof ConnectionType };
  }
  return { Edge: EdgeType, Connection: ConnectionType };
}
