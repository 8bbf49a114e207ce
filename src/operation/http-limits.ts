/**
 * The size limits of an operation's text over HTTP, applied before Apollo parses it: a document over
 * OPERATION_MAX_BYTES or OPERATION_MAX_TOKENS is answered 400 QUERY_TOO_LARGE at once, in the same JSON
 * shape as every GraphQL error, without being parsed, validated or run.
 */
import type { NextFunction, Request, Response } from 'express';
import type { GraphQLError } from 'graphql';
import type { OperationGate } from './operation-gate';

export function httpSourceLimits(gate: OperationGate) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const source = queryOf(req);
    if (source === undefined) return next();
    try {
      gate.checkSource(source);
    } catch (err) {
      const { message, extensions } = err as GraphQLError;
      const { http: _http, ...visible } = extensions;
      res.status(400).json({ errors: [{ message, extensions: visible }] });
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
