/**
 * GraphQL over Server-Sent Events, graphql-sse's "distinct connections" mode: one request
 * (`Accept: text/event-stream`, POST with a JSON body or GET with URL parameters) is one operation and
 * its own event stream (`event: next` per result, `event: complete` at the end). graphql-sse's handler
 * reads the request and writes the protocol; the operation itself is ours (http-operation.ts).
 *
 * Request errors (a document that does not parse or validate, a missing or refused token) are sent in
 * the stream as a result with `errors`, then `complete`, as graphql-sse does for validation errors:
 * a graphql-sse client retries any non-200 answer as a network problem (five times, for half a
 * minute), and a refused token is no network problem. Malformed requests (no query, bad JSON) are
 * still 4xx, from graphql-sse. The "single connection" mode (a reserved stream per client, `PUT`) is
 * not offered.
 */
import type { Request, Response } from 'express';
import type { FormattedExecutionResult } from 'graphql';
import { createHandler, type ExecutionResult as SseResult, type Request as SseRequest } from 'graphql-sse';
import { writeStream, type HttpOperations } from './http-operation';

export const SSE_MEDIA_TYPE = 'text/event-stream';

export function sseHandler(operations: HttpOperations): (req: Request, res: Response) => Promise<void> {
  const handler = createHandler<Request, undefined>({
    // No stream tokens: every request is its own stream (distinct connections mode).
    authenticate: () => null,
    async onSubscribe(req, params) {
      const prepared = await operations.prepare(params, { method: req.method, authorization: req.raw.headers.authorization, traceparent: headerValue(req.raw.headers.traceparent) });
      if (prepared.kind === 'refused') {
        if (prepared.allow) {
          return [JSON.stringify({ errors: prepared.errors }), { status: prepared.status, statusText: 'Method Not Allowed', headers: { allow: prepared.allow, 'content-type': 'application/json; charset=utf-8' } }];
        }
        // graphql-sse takes an object as a result only when it has a `data` key (absent once serialised).
        return asSseResult({ data: undefined, errors: prepared.errors });
      }
      return operations.stream(await prepared.start(), prepared, { onResult: asSseResult, onEnd: (errors) => asSseResult({ errors }) });
    },
  });

  return async (req, res) => {
    const [body, init] = await handler(toSseRequest(req));
    res.writeHead(init.status, init.statusText, init.headers);
    if (!body || typeof body === 'string') {
      res.end(body ?? undefined);
      return;
    }
    try {
      await writeStream(res, body);
    } finally {
      res.end();
    }
  };
}

/** graphql-sse types errors as GraphQLError instances but only serialises them: formatted ones read the same. */
function asSseResult(result: FormattedExecutionResult): SseResult {
  return result as unknown as SseResult;
}

function toSseRequest(req: Request): SseRequest<Request, undefined> {
  return {
    method: req.method,
    url: req.originalUrl,
    headers: {
      // graphql-sse compares Accept exactly; the request was routed here because it asks for events.
      get: (key) => (key.toLowerCase() === 'accept' ? SSE_MEDIA_TYPE : headerValue(req.headers[key.toLowerCase()])),
    },
    // express.json() has read a JSON body already; anything else is graphql-sse's to refuse.
    body: () => (req.body === undefined ? null : (req.body as Record<string, unknown>)),
    raw: req,
    context: undefined,
  };
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}
