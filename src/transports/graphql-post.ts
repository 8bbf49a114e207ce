/**
 * The common request — `POST /graphql` with a JSON body, answered with one JSON result — served straight
 * from node's HTTP server to Apollo Server, without express's router, body-parser and `res.send` (which
 * took about a tenth of the gateway's CPU under load: see the throughput benchmark). It does what that
 * chain did, in the same order and with the same answers: CORS headers, the 1 MB body limit, a body that
 * is not JSON, OPERATION_MAX_BYTES / _TOKENS, then Apollo with the same context.
 *
 * Anything else is not taken and goes to express unchanged: another method or path, a content type other
 * than `application/json` (with at most `charset=utf-8`), a compressed or chunked body (no
 * Content-Length), a body over the limit (express answers 413), and a request that prefers an SSE or
 * multipart stream.
 */
import { HeaderMap, type ApolloServer, type HTTPGraphQLResponse } from '@apollo/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Context } from '../context';
import { BODY_NOT_JSON, jsonErrorBody, writeJson, writeUnexpectedError } from '../http/json-errors';
import type { Logger } from '../observability/logger';
import { sourceLimitRefusal } from '../operation/http-limits';
import type { OperationGate } from '../operation/operation-gate';
import { preferredStream } from './http-streams';

export interface GraphqlPostOptions {
  apollo: ApolloServer<Context>;
  gate: OperationGate;
  /** The same CORS middleware express runs for /graphql (connect-style: sets headers, calls next). */
  cors: (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;
  context: (req: IncomingMessage) => Promise<Context>;
  /** Bodies over this go to express, which answers 413. */
  bodyLimitBytes: number;
  logger: Logger;
}

const JSON_TYPE = /^application\/json\s*(?:;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/** Returns a handler that serves the request and answers true, or answers false and touches nothing. */
export function graphqlPostLane(options: GraphqlPostOptions): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    if (req.method !== 'POST' || req.url !== '/graphql') return false;
    const { headers } = req;
    const type = headers['content-type'];
    if (type === undefined || !JSON_TYPE.test(type)) return false;
    const encoding = headers['content-encoding'];
    if (encoding !== undefined && encoding.toLowerCase() !== 'identity') return false;
    const length = Number(headers['content-length']);
    if (!Number.isInteger(length) || length < 0 || length > options.bodyLimitBytes) return false;
    if (preferredStream(headers.accept) !== undefined) return false;
    void serve(options, req, res, length).catch((err: unknown) => writeUnexpectedError(options.logger, res, err));
    return true;
  };
}

async function serve(options: GraphqlPostOptions, req: IncomingMessage, res: ServerResponse, length: number): Promise<void> {
  const raw = await readBody(req, length);
  if (raw === undefined) return;
  await new Promise<void>((resolve, reject) => options.cors(req, res, (err) => (err ? reject(err) : resolve())));

  const body = parseBody(raw);
  if (body === NOT_JSON) {
    return writeJson(res, 400, jsonErrorBody('BAD_REQUEST', BODY_NOT_JSON));
  }

  const query = (body as { query?: unknown } | null)?.query;
  const refusal = typeof query === 'string' ? sourceLimitRefusal(options.gate, query) : undefined;
  if (refusal) return writeJson(res, 400, refusal);

  const headerMap = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headerMap.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const answer = await options.apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: 'POST', headers: headerMap, search: '', body },
    context: () => options.context(req),
  });
  await write(res, answer);
}

const NOT_JSON = Symbol('not JSON');

/**
 * As body-parser's `strict` JSON reads it: an object or an array, nothing else; a leading BOM dropped;
 * no body at all is an empty object (Apollo answers that it has no query).
 */
function parseBody(raw: string): unknown {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (text.length === 0) return {};
  const first = /\S/.exec(text)?.[0];
  if (first !== '{' && first !== '[') return NOT_JSON;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return NOT_JSON;
  }
}

/** The body as text, or undefined when the client went away before sending all of it. */
function readBody(req: IncomingMessage, length: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      chunks.push(chunk);
    });
    req.once('end', () => {
      // Node's parser ends the body at Content-Length; fewer bytes means the connection ended early.
      if (received !== length) return resolve(undefined);
      resolve(chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks, received).toString('utf8'));
    });
    req.once('aborted', () => resolve(undefined));
    req.once('error', reject);
  });
}

async function write(res: ServerResponse, answer: HTTPGraphQLResponse): Promise<void> {
  for (const [key, value] of answer.headers) res.setHeader(key, value);
  res.statusCode = answer.status ?? 200;
  if (answer.body.kind === 'complete') {
    res.setHeader('content-length', Buffer.byteLength(answer.body.string, 'utf8'));
    res.end(answer.body.string);
    return;
  }
  for await (const chunk of answer.body.asyncIterator) res.write(chunk);
  res.end();
}
