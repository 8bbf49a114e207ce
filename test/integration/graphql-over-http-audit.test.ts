/**
 * graphql-http's own conformance audit of the GraphQL-over-HTTP spec against the live gateway. Every
 * request carries the viewer's `Authorization`, as every client of this API sends it (and as the CSRF
 * rule requires of a GET); the audit's operations are `{ __typename }`-style, so nothing reaches an upstream.
 */
import { auditServer, type AuditResult } from 'graphql-http';
import { startStack, type Stack } from '../helpers/stack';

let stack: Stack;
let results: AuditResult[];
beforeAll(async () => {
  stack = await startStack();
  const authorization = `Bearer ${await stack.token('alice')}`;
  results = await auditServer({
    url: stack.graphqlUrl,
    fetchFn: (input: Parameters<typeof fetch>[0], init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      headers.set('authorization', authorization);
      return fetch(input, { ...init, headers });
    },
  });
});
afterAll(() => stack.stop());

const summary = (level: 'MUST' | 'SHOULD' | 'MAY') => {
  const mine = results.filter((r) => r.name.startsWith(`${level} `));
  return { ok: mine.filter((r) => r.status === 'ok').length, of: mine.length, failing: mine.filter((r) => r.status !== 'ok').map((r) => `${r.id} ${r.name}: ${'reason' in r ? r.reason : ''}`) };
};

it('passes every MUST', () => {
  expect(summary('MUST')).toEqual({ ok: 13, of: 13, failing: [] });
});

it('passes every SHOULD', () => {
  expect(summary('SHOULD')).toEqual({ ok: 23, of: 23, failing: [] });
});

it('passes every MAY (all 25 apply: GET, 400s for malformed parameters)', () => {
  expect(summary('MAY')).toEqual({ ok: 25, of: 25, failing: [] });
});
