/**
 * `POST /graphql` with a JSON body and a Content-Length is served without express (src/transports/
 * graphql-post.ts); the same request sent chunked (no Content-Length) still goes through express's
 * chain. Both must answer alike — status, content type, CORS and cache headers, body — for good
 * requests and for every way a request can be refused before or by Apollo.
 */
import http from 'node:http';
import { startStack, type Stack } from '../helpers/stack';

interface Answer {
  status: number;
  headers: Record<string, string | undefined>;
  body: string;
}

/** What a client reads of an answer; the headers that differ by construction (ETag, framing, date) are left out. */
const COMPARED_HEADERS = ['content-type', 'cache-control', 'access-control-allow-origin', 'vary', 'retry-after'];

function post(url: string, body: string | Buffer, headers: Record<string, string>, chunked: boolean): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: chunked ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode!,
          headers: Object.fromEntries(COMPARED_HEADERS.map((h) => [h, res.headers[h] as string | undefined])),
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.on('error', reject);
    if (chunked) {
      // Two writes without a length: node sends Transfer-Encoding: chunked.
      const text = Buffer.from(body);
      req.write(text.subarray(0, 1));
      req.end(text.subarray(1));
    } else req.end(body);
  });
}

describe('POST /graphql without express answers as express did', () => {
  let stack: Stack;
  let bearer: string;
  beforeAll(async () => {
    stack = await startStack({ env: { CORS_ORIGINS: 'https://app.example', OPERATION_MAX_BYTES: '2000' } });
    bearer = `Bearer ${await stack.token('alice')}`;
  });
  afterAll(() => stack.stop());

  const json = { 'content-type': 'application/json' };
  const cases: Array<[string, () => { body: string | Buffer; headers: Record<string, string> }]> = [
    ['a query', () => ({ body: JSON.stringify({ query: '{ viewer { id } }' }), headers: { ...json, authorization: bearer } })],
    ['a query from an allowed origin, charset given', () => ({ body: JSON.stringify({ query: '{ viewer { id } }' }), headers: { 'content-type': 'application/json; charset=utf-8', origin: 'https://app.example', authorization: bearer } })],
    ['a query from another origin', () => ({ body: JSON.stringify({ query: '{ viewer { id } }' }), headers: { ...json, origin: 'https://evil.example', authorization: bearer } })],
    ['a body that starts with a byte order mark', () => ({ body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify({ query: '{ viewer { id } }' }))]), headers: { ...json, authorization: bearer } })],
    ['malformed JSON', () => ({ body: '{"query": ', headers: json })],
    ['JSON that is not an object', () => ({ body: '"{ viewer { id } }"', headers: json })],
    ['an empty body', () => ({ body: '', headers: json })],
    ['a batch', () => ({ body: JSON.stringify([{ query: '{ viewer { id } }' }]), headers: { ...json, authorization: bearer } })],
    ['no query', () => ({ body: JSON.stringify({ variables: {} }), headers: { ...json, authorization: bearer } })],
    ['an operation over OPERATION_MAX_BYTES', () => ({ body: JSON.stringify({ query: `{ viewer { id } } # ${'x'.repeat(3000)}` }), headers: { ...json, authorization: bearer } })],
    ['no token', () => ({ body: JSON.stringify({ query: '{ viewer { id } }' }), headers: json })],
    ['a bad token', () => ({ body: JSON.stringify({ query: '{ viewer { id } }' }), headers: { ...json, authorization: 'Bearer nope' } })],
    ['a document that does not parse', () => ({ body: JSON.stringify({ query: '{ viewer { id }' }), headers: { ...json, authorization: bearer } })],
    ['variables that do not coerce', () => ({ body: JSON.stringify({ query: 'query($n: Int) { viewer { tokens(first: $n) { totalCount } } }', variables: { n: 'ten' } }), headers: { ...json, authorization: bearer } })],
    ['a subscription', () => ({ body: JSON.stringify({ query: 'subscription { app2appRequest(requestKey: "k") { status } }' }), headers: { ...json, authorization: bearer } })],
  ];

  test.each(cases)('%s', async (_name, make) => {
    const { body, headers } = make();
    const direct = await post(stack.graphqlUrl, body, headers, false);
    const throughExpress = await post(stack.graphqlUrl, body, headers, true);
    expect(direct).toEqual(throughExpress);
  });

  test('the comparison sees what it compares: a query answers data with no-store, CORS for the allowed origin', async () => {
    const answer = await post(stack.graphqlUrl, JSON.stringify({ query: '{ viewer { id } }' }), { ...json, origin: 'https://app.example', authorization: bearer }, false);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ data: { viewer: { id: expect.any(String) } } });
    expect(answer.headers).toMatchObject({ 'cache-control': 'no-store', 'access-control-allow-origin': 'https://app.example', 'content-type': 'application/json; charset=utf-8' });
  });
});
