/**
 * Every answer the gateway gives is JSON, errors included, in both modes: a body that is not JSON, one
 * over 1 MB, a content type we don't read, a path we don't serve — each as
 * `{"errors":[{message, extensions: {code}}]}` with its HTTP status, never Express's HTML page, never a
 * stack trace or a file path.
 */
import type { NextFunction, Request, Response } from 'express';
import type { ServerResponse } from 'node:http';
import type { Logger } from '../observability/logger';

export const BODY_NOT_JSON = 'The request body is not valid JSON';
const INTERNAL_ERROR = 'Internal server error';

export function jsonErrorBody(code: string, message: string): { errors: Array<{ message: string; extensions: { code: string } }> } {
  return { errors: [{ message, extensions: { code } }] };
}

export function sendJsonError(res: Response, status: number, code: string, message: string): void {
  res.status(status).type('application/json').send(JSON.stringify(jsonErrorBody(code, message)));
}

/** A JSON answer written on node's own response: the JSON lane (transports/graphql-post.ts) has no express. */
export function writeJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text, 'utf8') });
  res.end(text);
}

/** What `jsonErrors` answers for an error no step expected, for the JSON lane: logged, 500, or the connection cut once the answer has begun. */
export function writeUnexpectedError(logger: Logger, res: ServerResponse, err: unknown): void {
  logger.error({ err }, 'unhandled error in an HTTP route');
  if (res.headersSent) {
    res.destroy();
    return;
  }
  writeJson(res, 500, jsonErrorBody('INTERNAL_SERVER_ERROR', INTERNAL_ERROR));
}

/** The last route: nothing here. */
export function jsonNotFound() {
  return (req: Request, res: Response): void => sendJsonError(res, 404, 'NOT_FOUND', `Nothing at ${req.method} ${req.path.slice(0, 200)}`);
}

/** Express's error handler (four arguments): body-parser's and any other error that reaches it. */
export function jsonErrors(logger: Logger) {
  return (err: Error & { status?: number; statusCode?: number; type?: string; limit?: number }, _req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) return next(err);
    const status = err.status ?? err.statusCode ?? 500;
    switch (err.type) {
      case 'entity.parse.failed':
        return sendJsonError(res, 400, 'BAD_REQUEST', BODY_NOT_JSON);
      case 'entity.too.large':
        return sendJsonError(res, 413, 'PAYLOAD_TOO_LARGE', `The request body is over the limit of ${err.limit ?? 'the 1 MB body limit'} bytes`);
      case 'charset.unsupported':
      case 'encoding.unsupported':
        return sendJsonError(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'The request body is in an encoding or charset this server does not read');
    }
    if (status >= 400 && status < 500) return sendJsonError(res, status, 'BAD_REQUEST', 'The request could not be read');
    logger.error({ err }, 'unhandled error in an HTTP route');
    sendJsonError(res, 500, 'INTERNAL_SERVER_ERROR', INTERNAL_ERROR);
  };
}
