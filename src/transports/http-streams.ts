/**
 * Subscriptions over HTTP on `/graphql`, for clients without websockets, chosen by what the request
 * accepts (its most preferred media type):
 * - `text/event-stream`: GraphQL over SSE (graphql-sse's distinct connections mode), any operation;
 * - `multipart/mixed;subscriptionSpec=1.0`: Apollo's multipart subscriptions, for a subscription
 *   (Apollo Client adds that type only to subscriptions; its queries keep going to Apollo Server);
 * - anything else goes on to Apollo Server (which answers a subscription with the ways to subscribe).
 * Mounted after the JSON body parser and before Apollo's middleware.
 */
import type { Request, RequestHandler } from 'express';
import { getOperationAST, parse } from 'graphql';
import { createHttpOperations, type HttpOperationDeps, type OperationParams } from './http-operation';
import { multipartHandler } from './multipart';
import { sseHandler } from './sse';

export interface HttpStreamsOptions {
  /** @default MULTIPART_HEARTBEAT_MS */
  multipartHeartbeatMs?: number;
}

export function httpStreams(deps: HttpOperationDeps, options: HttpStreamsOptions = {}): RequestHandler {
  const sse = sseHandler(createHttpOperations(deps, 'sse'));
  const multipart = multipartHandler(createHttpOperations(deps, 'multipart'), { heartbeatMs: options.multipartHeartbeatMs });
  return (req, res, next) => {
    const wanted = preferredStream(req.headers.accept);
    if (wanted === 'sse') {
      sse(req, res).catch(next);
      return;
    }
    if (wanted === 'multipart') {
      const params = readParams(req);
      if (params && isSubscription(params)) {
        multipart(req, res, params).catch(next);
        return;
      }
    }
    next();
  };
}

/**
 * Which stream the client prefers, if any: the media range with the highest q (the first of equals)
 * decides. Parsed here rather than negotiated, because the multipart type is told apart by its
 * `subscriptionSpec` parameter, whatever other parameters (a `boundary`) the client adds.
 */
export function preferredStream(accept: string | undefined): 'sse' | 'multipart' | undefined {
  if (!accept) return undefined;
  let best: { q: number; kind: 'sse' | 'multipart' | undefined } | undefined;
  for (const range of accept.split(',')) {
    const [type = '', ...rawParams] = range.split(';').map((p) => p.trim());
    const params = new Map(rawParams.map((p) => {
      const eq = p.indexOf('=');
      return [p.slice(0, eq).trim().toLowerCase(), p.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1')] as const;
    }));
    const q = params.has('q') ? Number(params.get('q')) : 1;
    if (!(q > 0)) continue;
    const mediaType = type.toLowerCase();
    const kind = mediaType === 'text/event-stream' ? 'sse' : mediaType === 'multipart/mixed' && params.get('subscriptionspec') === '1.0' ? 'multipart' : undefined;
    if (!best || q > best.q) best = { q, kind };
  }
  return best?.kind;
}

/** The operation a POST body or GET URL carries, when well formed; Apollo answers the rest. */
function readParams(req: Request): OperationParams | undefined {
  const source: Record<string, unknown> =
    req.method === 'POST' && typeof req.body === 'object' && req.body !== null ? (req.body as Record<string, unknown>) : req.method === 'GET' ? Object.fromEntries(new URL(req.originalUrl, 'http://x').searchParams) : {};
  const { query, operationName } = source;
  let variables = source.variables;
  if (typeof variables === 'string') {
    try {
      variables = JSON.parse(variables);
    } catch {
      return undefined;
    }
  }
  if (typeof query !== 'string') return undefined;
  if (operationName != null && typeof operationName !== 'string') return undefined;
  if (variables != null && (typeof variables !== 'object' || Array.isArray(variables))) return undefined;
  return { query, operationName: operationName as string | null | undefined, variables: variables as Record<string, unknown> | null | undefined };
}

function isSubscription(params: OperationParams): boolean {
  try {
    return getOperationAST(parse(params.query), params.operationName ?? undefined)?.operation === 'subscription';
  } catch {
    return false;
  }
}
