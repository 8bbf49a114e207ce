/** Where a newcomer's first requests land: the bare host, and a persisted query sent with the wrong hash. */
import { createHash } from 'node:crypto';
import { startStack, type Stack } from '../helpers/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());

it('redirects GET / to /graphql', async () => {
  const res = await fetch(`${stack.baseUrl}/`, { redirect: 'manual' });
  expect(res.status).toBe(302);
  expect(res.headers.get('location')).toBe('/graphql');
});

it('answers a persisted query whose hash does not match it with 400 BAD_REQUEST and no stack trace', async () => {
  const query = '{ viewer { id } }';
  const res = await fetch(stack.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await stack.token('apq')}` },
    body: JSON.stringify({ query, extensions: { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update('something else').digest('hex') } } }),
  });
  expect(res.status).toBe(400);
  expect(await res.json()).toEqual({ errors: [{ message: 'provided sha does not match query', extensions: { code: 'BAD_REQUEST' } }] });
});
