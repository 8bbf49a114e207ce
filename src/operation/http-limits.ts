/**
 * The size limits of an operation's text over HTTP, applied before Apollo parses it: a document over
 * OPERATION_MAX_BYTES or OPERATION_MAX_TOKENS is answered 400 QUERY_TOO_LARGE at once, in the same JSON
 * shape as every GraphQL error, without being parsed, validated or run.
 */
import type { NextFunction, Request, Response } from 'express';
import type { GraphQLError } from 'graphql';
import type { OperationGate } from './operation-gate';

/** The 400 body for a text over the size limits, or undefined when it is within them. */
export function sourceLimitRefusal(gate: OperationGate, source: string): { errors: Array<{ message: string; extensions: Record<string, unknown> }> } | undefined {
  try {
    gate.checkSource(source);
    return undefined;
  } catch (err) {
    const { message, extensions } = err as GraphQLError;
    const { http: _http, ...visible } = extensions;
    return { errors: [{ message, extensions: visible }] };
  }
}

export function httpSourceLimits(gate: OperationGate) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const source = queryOf(req);
    const refusal = source === undefined ? undefined : sourceLimitRefusal(gate, source);
    if (refusal) {
      res.status(400).json(refusal);
      return;
    }
    next();
  };
}

/** The `query` of a POST body (JSON) or of a GET's search string; undefined when there is none. */
function queryOf(req: Request): string | undefined {
  const fromBody = (req.body as { query?: unknown } | undefined)?.query;
  if (typeof fromBody === 'string') return fromBody;
  const fromUrl = req.query?.query;
  return typeof fromUrl === 'string' ? fromUrl : undefined;
}
