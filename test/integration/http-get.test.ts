/**
 * Queries over GET, with the clients that send them: urql's default client (GET while the URL is
 * short), graphql-request with `method: 'GET'`, and Apollo Client's persisted queries over GET. They
 * all carry `Authorization`, which browsers preflight; CSRF prevention still blocks what a cross-site
 * page could send without a preflight (a simple GET, a form POST), and mutations never run over GET.
 */
import { createHash } from 'node:crypto';
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { createPersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { Client as UrqlClient, fetchExchange } from '@urql/core';
import type * as GraphQLRequest from 'graphql-request' with { 'resolution-mode': 'import' };
import { startStack, type Stack } from '../helpers/stack';

// graphql-request 7 ships CommonJS code (main.cjs) but ESM-only type declarations.
const { GraphQLClient } = require('graphql-request') as typeof GraphQLRequest;

const VIEWER = 'query Viewer { viewer { id } }';
const aliceId = Buffer.from('Viewer:alice').toString('base64url');

let stack: Stack;
let authorization: string;
beforeAll(async () => {
  stack = await startStack();
  authorization = `Bearer ${await stack.token('alice')}`;
});
afterAll(() => stack.stop());

/** A fetch that records the method and URL of every request it sends. */
function recordingFetch() {
  const sent: Array<{ method: string; url: string; status: number }> = [];
  const fetchFn: typeof fetch = async (input, init) => {
    const res = await fetch(input, init);
    sent.push({ method: init?.method ?? 'GET', url: String(input), status: res.status });
    return res;
  };
  return { sent, fetchFn };
}

it("serves urql's default client, which sends queries as GET", async () => {
  const { sent, fetchFn } = recordingFetch();
  const client = new UrqlClient({ url: stack.graphqlUrl, exchanges: [fetchExchange], fetch: fetchFn, fetchOptions: { headers: { authorization } } });
  const result = await client.query(VIEWER, {}).toPromise();
  expect(result.error).toBeUndefined();
  expect(result.data).toEqual({ viewer: { id: aliceId } });
  expect(sent).toEqual([{ method: 'GET', url: expect.stringContaining('/graphql?query='), status: 200 }]);
});

it("serves graphql-request's GET", async () => {
  const { sent, fetchFn } = recordingFetch();
  const client = new GraphQLClient(stack.graphqlUrl, { method: 'GET', headers: { authorization }, fetch: fetchFn });
  expect(await client.request(VIEWER)).toEqual({ viewer: { id: aliceId } });
  expect(sent.map((s) => [s.method, s.status])).toEqual([['GET', 200]]);
});

it("serves Apollo Client's persisted queries over GET: the hash alone once the query is known", async () => {
  const { sent, fetchFn } = recordingFetch();
  const link = createPersistedQueryLink({ sha256: (q: string) => createHash('sha256').update(q).digest('hex'), useGETForHashedQueries: true }).concat(
    new HttpLink({ uri: stack.graphqlUrl, headers: { authorization }, fetch: fetchFn }),
  );
  const client = new ApolloClient({ link, cache: new InMemoryCache() });
  const first = await client.query({ query: gql(VIEWER), fetchPolicy: 'network-only' });
  expect(first.data).toEqual({ viewer: { __typename: 'Viewer', id: aliceId } });
  const second = await client.query({ query: gql(VIEWER), fetchPolicy: 'network-only' });
  expect(second.data).toEqual(first.data);
  // Unknown hash (GET), then the query itself (POST, which registers it), then the hash alone (GET).
  expect(sent.map((s) => s.method)).toEqual(['GET', 'POST', 'GET']);
  const last = new URL(sent[2]!.url);
  expect(last.searchParams.get('query')).toBeNull();
  expect(JSON.parse(last.searchParams.get('extensions')!)).toMatchObject({ persistedQuery: { version: 1, sha256Hash: expect.any(String) } });
  expect(sent[2]!.status).toBe(200);
});

it('never runs a mutation over GET (405), even with a token', async () => {
  const url = `${stack.graphqlUrl}?query=${encodeURIComponent('mutation { prepareApp2App(input: {type: AUTH}) { request { id } } }')}`;
  const res = await fetch(url, { headers: { authorization } });
  expect(res.status).toBe(405);
  expect(res.headers.get('allow')).toBe('POST');
});

it('still blocks what a cross-site page can send without a preflight: a simple GET and a form POST', async () => {
  const get = await fetch(`${stack.graphqlUrl}?query=${encodeURIComponent('{ viewer { id } }')}`);
  expect(get.status).toBe(400);
  expect(await get.text()).toMatch(/Cross-Site Request Forgery/);
  const form = await fetch(stack.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `query=${encodeURIComponent('{ viewer { id } }')}`,
  });
  expect(form.status).toBe(400);
  expect(await form.text()).toMatch(/Cross-Site Request Forgery/);
});

it('answers an empty Authorization on a GET as CSRF, not as a token (an empty header proves no preflight)', async () => {
  const res = await fetch(`${stack.graphqlUrl}?query=${encodeURIComponent('{ viewer { id } }')}`, { headers: { authorization: '' } });
  expect(res.status).toBe(400);
  expect(await res.text()).toMatch(/Cross-Site Request Forgery/);
});
