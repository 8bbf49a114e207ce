/**
 * Apollo's multipart HTTP subscriptions (`Accept: multipart/mixed;subscriptionSpec=1.0`), what Apollo
 * Client's HttpLink sends for a subscription and Apollo Router answers: one POST per subscription,
 * answered `multipart/mixed;boundary="graphql";subscriptionSpec="1.0"`, one JSON part per event
 * (`{"payload": <result>}`), a heartbeat part `{}` every `MULTIPART_HEARTBEAT_MS` so proxies keep the
 * connection, a transport-level error as `{"payload": null, "errors": [...]}` (token expired, the
 * source failed) after which the stream ends, and the closing delimiter when the subscription completes.
 *
 * Each part is written followed at once by the next delimiter: Apollo Client hands a part over when it
 * reads the delimiter after it, so a part followed only later by a delimiter would wait for the next
 * heartbeat. Refusals before the subscription starts (bad token, invalid document) are an ordinary
 * GraphQL JSON answer with Apollo's status rules (Apollo Client reads those as GraphQL errors).
 */
import type { Request, Response } from 'express';
import { graphqlOverHttpStatus, singleResultMediaType } from './graphql-over-http';
import { headerValue, writeStream, type HttpOperations, type OperationParams } from './http-operation';

/** Apollo Router's interval. */
export const MULTIPART_HEARTBEAT_MS = 5_000;

const BOUNDARY = 'graphql';
const DELIMITER = `\r\n--${BOUNDARY}`;
export const MULTIPART_CONTENT_TYPE = `multipart/mixed;boundary="${BOUNDARY}";subscriptionSpec="1.0"`;

function part(body: unknown): string {
  return `\r\ncontent-type: application/json; charset=utf-8\r\n\r\n${JSON.stringify(body)}${DELIMITER}`;
}

export function multipartHandler(operations: HttpOperations, options: { heartbeatMs?: number } = {}) {
  const heartbeatMs = options.heartbeatMs ?? MULTIPART_HEARTBEAT_MS;

  return async (req: Request, res: Response, params: OperationParams): Promise<void> => {
    const prepared = await operations.prepare(params, { method: req.method, authorization: req.headers.authorization, traceparent: headerValue(req.headers.traceparent) });
    if (prepared.kind === 'refused') {
      const mediaType = singleResultMediaType(req.headers.accept) ?? 'application/json; charset=utf-8';
      res.status(graphqlOverHttpStatus(mediaType, prepared.status, prepared.errors)).set({ 'content-type': mediaType, ...(prepared.allow ? { allow: prepared.allow } : {}) });
      res.end(JSON.stringify({ errors: prepared.errors }));
      return;
    }

    const started = await prepared.start();
    res.writeHead(200, { 'content-type': MULTIPART_CONTENT_TYPE, 'cache-control': 'no-cache' });
    res.write(DELIMITER);
    const parts = operations.stream(started, prepared, {
      onResult: (payload) => part({ payload }),
      onEnd: (errors) => part({ payload: null, errors }),
    });
    const heartbeat = setInterval(() => res.writable && res.write(part({})), heartbeatMs);
    try {
      await writeStream(res, parts);
    } finally {
      clearInterval(heartbeat);
      // `--` after the last delimiter makes it the closing one.
      if (res.writable) res.end('--\r\n');
    }
  };
}
