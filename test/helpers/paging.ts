/** Full walks of a Relay connection in either direction, as a client pages with first/after or last/before. */
export interface PageInfoShape {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor?: string | null;
  endCursor?: string | null;
}

export interface PageShape<T> {
  items: T[];
  pageInfo: PageInfoShape;
}

export type ReadPage<T> = (args: { first?: number; after?: string | null; last?: number; before?: string | null }) => Promise<PageShape<T>>;

const MAX_PAGES = 400;

/** Pages forward from the start until hasNextPage is false; pages in order. */
export async function walkForward<T>(read: ReadPage<T>, size: number): Promise<Array<PageShape<T>>> {
  const pages: Array<PageShape<T>> = [];
  let after: string | null = null;
  do {
    const page: PageShape<T> = await read({ first: size, after });
    pages.push(page);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor! : null;
  } while (after && pages.length < MAX_PAGES);
  return pages;
}

/** Pages backward from `before` (the end when null) until hasPreviousPage is false; pages in the order read (last first). */
export async function walkBackward<T>(read: ReadPage<T>, size: number, before: string | null = null): Promise<Array<PageShape<T>>> {
  const pages: Array<PageShape<T>> = [];
  let cursor = before;
  for (;;) {
    const page: PageShape<T> = await read({ last: size, before: cursor });
    pages.push(page);
    if (!page.pageInfo.hasPreviousPage || pages.length >= MAX_PAGES) return pages;
    cursor = page.pageInfo.startCursor!;
  }
}

/** The items of a backward walk in list order. */
export function inListOrder<T>(backward: Array<PageShape<T>>): T[] {
  return [...backward].reverse().flatMap((page) => page.items);
}

/** A page's arguments as `ReadPage` passes them. */
export type PageArgs = Parameters<ReadPage<unknown>>[0];

/**
 * A ReadPage over one connection of a GraphQL answer: `run` sends a page's arguments, `pick` finds the
 * connection in the data, and its `nodes` (or, without them, its edges' nodes) mapped by `item` are the
 * page's items. An answer with errors throws, naming the page.
 */
export function connectionReader<N, T = N>(
  run: (args: PageArgs) => Promise<{ data?: any; errors?: unknown }>, // any: the data of whichever operation `run` sends
  pick: (data: any) => { nodes?: N[]; edges?: Array<{ node: N }>; pageInfo: PageInfoShape },
  item: (node: N) => T = (node) => node as unknown as T,
): ReadPage<T> {
  return async (args) => {
    const res = await run(args);
    if (res.errors) throw new Error(`page ${JSON.stringify(args)}: ${JSON.stringify(res.errors)}`);
    const connection = pick(res.data);
    return { items: (connection.nodes ?? connection.edges!.map((edge) => edge.node)).map(item), pageInfo: connection.pageInfo };
  };
}
