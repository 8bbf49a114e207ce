/**
 * graphql-jit behind Apollo Server answers exactly as graphql-js does: every operation here runs through
 * two Apollo Servers on one schema, one executing with graphql-js and one with `jitExecution`, and the
 * answers (data, errors with their codes, paths and locations, HTTP status) must be equal — including the
 * cases where graphql-jit on its own differs (a non-null input field with a default, errors thrown
 * without extensions, variables that do not coerce).
 */
import { ApolloServer } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { jitExecution } from '../../src/operation/jit-execution';

const typeDefs = /* GraphQL */ `
  enum Kind { GIFT_CARD OFFER }
  input OrderInput { sku: String!, quantity: Int! = 1, kind: Kind! = OFFER, note: String = "none", lines: [LineInput!] }
  input LineInput { sku: String!, count: Int! = 2 }
  type Order { sku: String!, quantity: Int!, kind: Kind!, note: String, lines: [Line!] }
  type Line { sku: String!, count: Int! }
  type Item { id: ID!, name: String!, boom: String, refused: String }
  type Query {
    items(first: Int = 3): [Item!]!
    kinds(of: [Kind!]!): [Kind!]!
    broken: Item!
  }
  type Mutation { order(input: OrderInput!): Order! }
`;

const resolvers = {
  Kind: { GIFT_CARD: 'gift_card', OFFER: 'offer' },
  Query: {
    items: (_: unknown, { first }: { first: number }) => Array.from({ length: first }, (_v, i) => ({ id: `i${i}`, name: `item ${i}` })),
    kinds: (_: unknown, args: { of: string[] }) => args.of,
    broken: () => {
      throw new TypeError('Cannot read properties of undefined');
    },
  },
  Item: {
    boom: () => {
      throw new TypeError('no extensions here');
    },
    refused: () => {
      throw new GraphQLError('Refused with a code', { extensions: { code: 'FORBIDDEN', reason: 'test' } });
    },
  },
  Mutation: { order: (_: unknown, { input }: { input: unknown }) => input },
};

const schema = makeExecutableSchema({ typeDefs, resolvers });

async function both(query: string, variables?: Record<string, unknown>) {
  const interpreted = new ApolloServer({ schema, includeStacktraceInErrorResponses: false });
  const compiled = new ApolloServer({ gateway: jitExecution(schema) as never, includeStacktraceInErrorResponses: false });
  await Promise.all([interpreted.start(), compiled.start()]);
  try {
    const run = async (server: ApolloServer) => {
      const answer = await server.executeOperation({ query, variables });
      return { status: answer.http.status, body: answer.body };
    };
    return { interpreted: await run(interpreted), compiled: await run(compiled) };
  } finally {
    await Promise.all([interpreted.stop(), compiled.stop()]);
  }
}

const ORDER = 'mutation Order($input: OrderInput!) { order(input: $input) { sku quantity kind note lines { sku count } } }';

describe('jitExecution answers as graphql-js does', () => {
  test.each([
    ['a query with a variable default', 'query { items { id name } }', undefined],
    ['a query with an argument', 'query Q($n: Int) { items(first: $n) { id } }', { n: 2 }],
    ['omitted non-null input fields with defaults, nested in a list too', ORDER, { input: { sku: 'a', lines: [{ sku: 'l1' }, { sku: 'l2', count: 5 }] } }],
    ['given input fields', ORDER, { input: { sku: 'a', quantity: 4, kind: 'GIFT_CARD', note: null } }],
    ['a single value where a list is expected', 'query K($of: [Kind!]!) { kinds(of: $of) }', { of: 'OFFER' }],
    ['an enum list', 'query K($of: [Kind!]!) { kinds(of: $of) }', { of: ['OFFER', 'GIFT_CARD'] }],
    ['a variable that does not coerce', ORDER, { input: { sku: 'a', quantity: 'many' } }],
    ['a required input field missing', ORDER, { input: { quantity: 1 } }],
    ['an unknown input field', ORDER, { input: { sku: 'a', colour: 'red' } }],
    ['an explicit null for a non-null field with a default', ORDER, { input: { sku: 'a', quantity: null } }],
    ['a resolver error without extensions, on a nullable field', 'query { items(first: 1) { id boom } }', undefined],
    ['a resolver error with a code', 'query { items(first: 2) { id refused } }', undefined],
    ['a resolver error on a non-null root field', 'query { broken { id } }', undefined],
  ])('%s', async (_name, query, variables) => {
    const { interpreted, compiled } = await both(query, variables as Record<string, unknown> | undefined);
    expect(compiled).toEqual(interpreted);
    // The cases are what they say: the ones with errors have errors.
    const body = interpreted.body as { kind: string; singleResult: { errors?: unknown[] } };
    expect(body.kind).toBe('single');
  });

  test('an input default reaches the resolver as graphql-js gives it (internal enum value, defaults in lists)', async () => {
    const { compiled } = await both(ORDER, { input: { sku: 'a', lines: [{ sku: 'l1' }] } });
    expect(compiled.body).toEqual({
      kind: 'single',
      singleResult: { data: { order: { sku: 'a', quantity: 1, kind: 'OFFER', note: 'none', lines: [{ sku: 'l1', count: 2 }] } } },
    });
  });

  test('a compiled operation is reused for the same parsed document', async () => {
    const gateway = jitExecution(schema);
    const server = new ApolloServer({ gateway: gateway as never });
    await server.start();
    try {
      for (let i = 0; i < 3; i++) {
        const answer = await server.executeOperation({ query: 'query { items(first: 1) { id } }' });
        expect(answer.body).toEqual({ kind: 'single', singleResult: { data: { items: [{ id: 'i0' }] } } });
      }
    } finally {
      await server.stop();
    }
  });
});
