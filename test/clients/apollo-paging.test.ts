/**
 * Apollo Client 4 paging the live gateway both ways, as an app pages with useQuery and fetchMore: a
 * watched query, `fetchMore` with `after: endCursor` forward and `before: startCursor` backward, and
 * `relayStylePagination()` type policies merging the pages into one cached list. The merged list is what
 * the watched query answers after each page; the pages that came over the wire are checked too.
 */
import { ApolloClient, HttpLink, InMemoryCache, gql, type ObservableQuery, type OperationVariables, type TypedDocumentNode } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import { filter, firstValueFrom, of, startWith, timeout } from 'rxjs';
import { ADMIN, BAPP, coldKlip } from '../helpers/klip-cards';
import { ALICE_HOLDINGS, PARTNER_CARD_COUNT, aliceTokenAndCardIds, cardRange, repeated, seedPagedWallet } from '../helpers/paged-wallet';
import { startStack, type Stack } from '../helpers/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
  await seedPagedWallet(stack);
});
afterAll(() => stack.stop());

interface Connection {
  edges: Array<{ cursor: string; node: { id: string; [field: string]: unknown } }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

const PAGE_INFO = 'pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';

const PARTNER_CARDS: TypedDocumentNode<{ partnerCards: Connection }, OperationVariables> = gql`
  query ApolloPartnerCards($first: Int, $after: String, $last: Int, $before: String) {
    partnerCards(first: $first, after: $after, last: $last, before: $before) { edges { cursor node { id cardId } } ${PAGE_INFO} }
  }
`;

const WALLET_TOKENS: TypedDocumentNode<{ viewer: { id: string; tokens: Connection } }, OperationVariables> = gql`
  query ApolloWalletTokens($first: Int, $after: String) {
    viewer { id tokens(first: $first, after: $after) { edges { cursor node { id name } } ${PAGE_INFO} } }
  }
`;

const WALLET_ASSETS: TypedDocumentNode<{ viewer: { id: string; assets: Connection } }, OperationVariables> = gql`
  query ApolloWalletAssets($first: Int, $after: String, $last: Int, $before: String, $providers: [Provider!], $kinds: [AssetKind!]) {
    viewer {
      id
      assets(first: $first, after: $after, last: $last, before: $before, providers: $providers, kinds: $kinds) {
        edges { cursor node { id provider name } }
        ${PAGE_INFO}
      }
    }
  }
`;

/** A client as an app configures one: HttpLink with the bearer token, pages merged by relayStylePagination. */
async function clientAs(as: { sub: string; admin?: boolean }) {
  const pages: any[] = []; // any: each test reads its own operation's data
  const recordingFetch: typeof fetch = async (input, init) => {
    const res = await fetch(input, init);
    pages.push(((await res.clone().json()) as { data?: unknown }).data);
    return res;
  };
  const client = new ApolloClient({
    link: new HttpLink({ uri: stack.graphqlUrl, headers: { authorization: `Bearer ${await stack.token(as.sub, { admin: as.admin })}` }, fetch: recordingFetch }),
    cache: new InMemoryCache({
      typePolicies: {
        Query: { fields: { partnerCards: relayStylePagination() } },
        Viewer: { fields: { tokens: relayStylePagination(['status']), assets: relayStylePagination(['providers', 'kinds']) } },
      },
    }),
  });
  return { client, pages };
}

/**
 * A watched query, as useQuery holds one, paged with its fetchMore. The merged list is read from the
 * cache (written before fetchMore resolves); the watched query emits it a tick later, as a re-render.
 */
async function watch<T>(client: ApolloClient, query: TypedDocumentNode<T, OperationVariables>, variables: OperationVariables, connectionAt: (data: T) => Connection) {
  const observable: ObservableQuery<T, OperationVariables> = client.watchQuery({ query, variables });
  const subscription = observable.subscribe(() => {});
  const first = await firstValueFrom(observable.pipe(filter((result) => !result.loading)));
  if (first.error) throw first.error;
  const connection = () => connectionAt(client.readQuery({ query, variables })!);
  return {
    connection,
    async walkForward() {
      for (let n = 0; connection().pageInfo.hasNextPage; n++) {
        if (n === 100) throw new Error('fetchMore never reached the end');
        await observable.fetchMore({ variables: { after: connection().pageInfo.endCursor } });
      }
    },
    async walkBackward(count: number) {
      for (let n = 0; connection().pageInfo.hasPreviousPage; n++) {
        if (n === 100) throw new Error('fetchMore never reached the start');
        await observable.fetchMore({ variables: { first: null, after: null, last: count, before: connection().pageInfo.startCursor } });
      }
    },
    /** What the watched query answers once it has caught up with the cache (what a component renders). */
    async rendered(): Promise<Connection> {
      const cached = JSON.stringify(connection());
      const result = await firstValueFrom(
        observable.pipe(
          startWith(observable.getCurrentResult()),
          filter((r) => r.data !== undefined && JSON.stringify(connectionAt(r.data as T)) === cached),
          timeout({ first: 5_000, with: () => of({ data: observable.getCurrentResult().data }) }),
        ),
      );
      return connectionAt(result.data as T);
    },
    fetchMore: (more: OperationVariables) => observable.fetchMore({ variables: more }),
    stop: () => subscription.unsubscribe(),
  };
}

const ids = (connection: Connection) => connection.edges.map((e) => e.node.id);


describe('partnerCards (admin)', () => {
  const page = 37;
  const cardIds = (connection: Connection) => connection.edges.map((e) => e.node.cardId);

  it('fetchMore forward from the first page to the end: the cached list holds every card once, in order', async () => {
    const { client, pages } = await clientAs(ADMIN);
    await coldKlip(stack);
    const list = await watch(client, PARTNER_CARDS, { first: page }, (d) => d.partnerCards);
    await list.walkForward();
    expect(cardIds(list.connection())).toEqual(cardRange(PARTNER_CARD_COUNT));
    expect(stack.sandbox.stats.count(BAPP)).toBe(3); // one call per Klip page of 100
    expect(pages).toHaveLength(Math.ceil(PARTNER_CARD_COUNT / page));
    expect(repeated(pages.flatMap((p) => ids(p.partnerCards)))).toEqual([]);
    const { edges, pageInfo } = list.connection();
    expect(pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false, startCursor: edges[0]!.cursor, endCursor: edges.at(-1)!.cursor });
    expect(await list.rendered()).toEqual(list.connection());
    list.stop();
  });

  it('fetchMore backward from the last page to the start: the same cards in the same order', async () => {
    const { client, pages } = await clientAs(ADMIN);
    await coldKlip(stack);
    const list = await watch(client, PARTNER_CARDS, { last: page }, (d) => d.partnerCards);
    expect(list.connection().pageInfo.hasNextPage).toBe(false);
    await list.walkBackward(page);
    expect(cardIds(list.connection())).toEqual(cardRange(PARTNER_CARD_COUNT));
    expect(stack.sandbox.stats.count(BAPP)).toBeLessThanOrEqual(3); // no more than the forward walk
    expect(pages).toHaveLength(Math.ceil(PARTNER_CARD_COUNT / page));
    expect(repeated(pages.flatMap((p) => ids(p.partnerCards)))).toEqual([]);
    const { edges, pageInfo } = list.connection();
    expect(pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false, startCursor: edges[0]!.cursor, endCursor: edges.at(-1)!.cursor });
    expect(await list.rendered()).toEqual(list.connection());
    list.stop();
  });

  it('from a page in the middle, forward to the end then backward to the start: one list of every card', async () => {
    // The cursor of card 140, read without Apollo (whose cache would merge the two pages into one list).
    const start = await stack.gql(PARTNER_CARDS, { first: 100 }, ADMIN);
    const next = await stack.gql(PARTNER_CARDS, { first: 40, after: start.data.partnerCards.pageInfo.endCursor }, ADMIN);
    const middle = next.data.partnerCards.edges[39].cursor;
    const { client } = await clientAs(ADMIN);
    const list = await watch(client, PARTNER_CARDS, { first: page, after: middle }, (d) => d.partnerCards);
    expect(cardIds(list.connection())).toEqual(cardRange(140 + page).slice(140));
    expect(list.connection().pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    await list.walkForward();
    await list.walkBackward(page);
    expect(cardIds(list.connection())).toEqual(cardRange(PARTNER_CARD_COUNT));
    expect(list.connection().pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    expect(await list.rendered()).toEqual(list.connection());
    list.stop();
  });

  it("fetchMore keeps the query's own variables: going back from a `first` query without `first: null` is a BAD_USER_INPUT, and the list stays", async () => {
    const { client } = await clientAs(ADMIN);
    const list = await watch(client, PARTNER_CARDS, { first: page }, (d) => d.partnerCards);
    await list.fetchMore({ after: list.connection().pageInfo.endCursor });
    const before = list.connection();
    const refused = await list.fetchMore({ last: page, before: before.edges[page]!.cursor }).then(
      () => undefined,
      (error: { errors?: Array<{ extensions?: { code?: string } }> }) => error,
    );
    expect(refused?.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(list.connection()).toEqual(before);
    list.stop();
  });
});

describe('viewer.tokens (alice)', () => {
  it('fetchMore forward from the first page to the end: every token once, in Kigo order', async () => {
    const { client, pages } = await clientAs({ sub: 'alice' });
    const list = await watch(client, WALLET_TOKENS, { first: 4 }, (d) => d.viewer.tokens);
    await list.walkForward();
    const wire = pages.flatMap((p) => ids(p.viewer.tokens));
    expect(ids(list.connection())).toEqual(wire);
    expect(wire).toHaveLength(ALICE_HOLDINGS.tokens);
    expect(repeated(wire)).toEqual([]);
    expect(list.connection().pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    expect(await list.rendered()).toEqual(list.connection());
    list.stop();
  });
});

describe('viewer.assets (alice: 26 tokens, 114 cards, 5 voucher codes)', () => {
  const page = 9;
  const holdings = ALICE_HOLDINGS.tokens + ALICE_HOLDINGS.cards + ALICE_HOLDINGS.voucherCodes;
  let expected: { tokens: string[]; cards: string[] };
  beforeAll(async () => {
    expected = await aliceTokenAndCardIds(stack);
  });

  /** Tokens in Kigo's order, then cards in Klip's, then the voucher codes (each once). */
  function expectWholeWallet(connection: Connection) {
    const listed = ids(connection);
    expect(listed.slice(0, ALICE_HOLDINGS.tokens + ALICE_HOLDINGS.cards)).toEqual([...expected.tokens, ...expected.cards]);
    expect(connection.edges.slice(-ALICE_HOLDINGS.voucherCodes).map((e) => (e.node as { __typename?: string }).__typename)).toEqual(Array(ALICE_HOLDINGS.voucherCodes).fill('VoucherCode'));
    expect(listed).toHaveLength(holdings);
    expect(repeated(listed)).toEqual([]);
    expect(connection.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false, startCursor: connection.edges[0]!.cursor, endCursor: connection.edges.at(-1)!.cursor });
  }

  it('fetchMore forward from the first page to the end: every holding once, tokens, then cards, then voucher codes', async () => {
    const { client, pages } = await clientAs({ sub: 'alice' });
    const list = await watch(client, WALLET_ASSETS, { first: page }, (d) => d.viewer.assets);
    await list.walkForward();
    expectWholeWallet(list.connection());
    expect(pages).toHaveLength(Math.ceil(holdings / page));
    expect(repeated(pages.flatMap((p) => ids(p.viewer.assets)))).toEqual([]);
    expect(await list.rendered()).toEqual(list.connection());
    list.stop();
  });

  it('fetchMore backward from the last page to the start: the same list', async () => {
    const { client, pages } = await clientAs({ sub: 'alice' });
    const list = await watch(client, WALLET_ASSETS, { last: page }, (d) => d.viewer.assets);
    expect(list.connection().pageInfo.hasNextPage).toBe(false);
    await list.walkBackward(page);
    expectWholeWallet(list.connection());
    expect(pages).toHaveLength(Math.ceil(holdings / page));
    expect(repeated(pages.flatMap((p) => ids(p.viewer.assets)))).toEqual([]);
    expect(await list.rendered()).toEqual(list.connection());
    list.stop();
  });

  it('a KLIP-only list pages back beside the whole list: two lists in one cache, by their providers', async () => {
    const { client } = await clientAs({ sub: 'alice' });
    const whole = await watch(client, WALLET_ASSETS, { first: 50 }, (d) => d.viewer.assets);
    await whole.walkForward();
    const cards = await watch(client, WALLET_ASSETS, { last: page, providers: ['KLIP'] }, (d) => d.viewer.assets);
    await cards.walkBackward(page);
    expect(ids(cards.connection())).toEqual(expected.cards);
    expect(cards.connection().pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    expectWholeWallet(whole.connection());
    whole.stop();
    cards.stop();
  });
});
