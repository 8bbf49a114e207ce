/**
 * usePaginationFragment without React: a query loaded and retained, its `@refetchable` connection
 * fragment read from the store, and `loadNext`/`loadPrevious` as react-relay's useLoadMoreFunction runs
 * them — the cursor and `hasMore` from the connection's pageInfo in the fragment data, variables from
 * `getPaginationVariables` over the fragment owner's variables (the other direction's set to null), the
 * `id` for a Node fragment, and the pagination query fetched with `force`. ConnectionHandler merges each
 * page into the connection record; the fragment data read afterwards is what a component renders.
 */
import {
  __internal,
  ConnectionInterface,
  createOperationDescriptor,
  getFragment,
  getPaginationMetadata,
  getPaginationVariables,
  getRequest,
  getSelector,
  getValueAtPath,
  type Direction,
  type Disposable,
  type Environment,
  type GraphQLTaggedNode,
  type SingularReaderSelector,
  type Variables,
} from 'relay-runtime';

export interface ConnectionEdge {
  cursor: string;
  node: { id: string; [field: string]: unknown };
}

export interface ConnectionPageInfo {
  startCursor: string | null;
  endCursor: string | null;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

/** A paged list of a loaded query: what a component using usePaginationFragment sees and calls. */
export interface PaginationFragment extends Disposable {
  /** The connection as the fragment reads it now (every page merged so far). */
  connection(): { edges: ConnectionEdge[]; pageInfo: ConnectionPageInfo };
  hasNext(): boolean;
  hasPrevious(): boolean;
  loadNext(count: number): Promise<void>;
  loadPrevious(count: number): Promise<void>;
}

/**
 * Fetches `query` with `variables`, retains it (as a mounted query would be), and pages the connection
 * of `fragment`, whose reference `refAt` picks out of the query's data (the root for a Query fragment).
 */
export async function paginationFragment(
  environment: Environment,
  query: GraphQLTaggedNode,
  variables: Variables,
  fragment: GraphQLTaggedNode,
  refAt: (data: Record<string, unknown>) => unknown = (data) => data,
): Promise<PaginationFragment> {
  const operation = createOperationDescriptor(getRequest(query), variables, { force: true });
  const retained = environment.retain(operation);
  await fetchOnce(environment, operation);
  const fragmentNode = getFragment(fragment);
  const fragmentRef = refAt(environment.lookup(operation.fragment).data as Record<string, unknown>);
  const selector = getSelector(fragmentNode, fragmentRef);
  if (selector === null || selector.kind !== 'SingularReaderSelector') throw new Error(`no single ${fragmentNode.name} in the query's data`);
  const { connectionPathInFragmentData, identifierField, paginationRequest, paginationMetadata } = getPaginationMetadata(fragmentNode, 'PaginationFragment');
  const read = () => environment.lookup(selector).data as Record<string, unknown> | null;

  function state(direction: Direction): { cursor: string | null; hasMore: boolean } {
    const { EDGES, PAGE_INFO, END_CURSOR, START_CURSOR, HAS_NEXT_PAGE, HAS_PREV_PAGE } = ConnectionInterface.get();
    // any: ConnectionInterface names the fields at run time (edges, pageInfo and its four).
    const connection = getValueAtPath(read(), connectionPathInFragmentData) as Record<string, any> | null;
    const pageInfo = connection?.[PAGE_INFO];
    if (connection?.[EDGES] == null || pageInfo == null) return { cursor: null, hasMore: false };
    const cursor: string | null = (direction === 'forward' ? pageInfo[END_CURSOR] : pageInfo[START_CURSOR]) ?? null;
    return { cursor, hasMore: cursor !== null && pageInfo[direction === 'forward' ? HAS_NEXT_PAGE : HAS_PREV_PAGE] === true };
  }

  async function loadMore(direction: Direction, count: number): Promise<void> {
    const base = { ...(selector as SingularReaderSelector).owner.variables, ...(selector as SingularReaderSelector).variables };
    const paginationVariables = getPaginationVariables(direction, count, state(direction).cursor, base, {}, paginationMetadata);
    // A Node fragment refetches through node(id:): the hook passes the fragment's identifier as `id`.
    if (identifierField != null) paginationVariables.id = read()?.[identifierField];
    await fetchOnce(environment, createOperationDescriptor(paginationRequest, paginationVariables, { force: true }));
  }

  return {
    connection: () => getValueAtPath(read(), connectionPathInFragmentData) as ReturnType<PaginationFragment['connection']>,
    hasNext: () => state('forward').hasMore,
    hasPrevious: () => state('backward').hasMore,
    loadNext: (count) => loadMore('forward', count),
    loadPrevious: (count) => loadMore('backward', count),
    dispose: () => retained.dispose(),
  };
}

/** Fetches an operation into the store, as react-relay does (deduplicated with one in flight). */
function fetchOnce(environment: Environment, operation: ReturnType<typeof createOperationDescriptor>): Promise<void> {
  return new Promise((resolve, reject) => {
    __internal.fetchQuery(environment, operation).subscribe({ complete: () => resolve(), error: reject });
  });
}
