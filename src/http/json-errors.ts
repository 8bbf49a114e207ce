/**
 * Every answer the gateway gives is JSON, errors included, in both modes: a body that is not JSON, one
 * over 1 MB, a content type we don't read, a path we don't serve — each as
 * `{"errors":[{message, extensions: {code}}]}` with its HTTP status, never Express's HTML page, never a
 * stack trace or a file path.
 */
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../observability/logger';

export function sendJsonError(res: Response, status: number, code: string, message: string): void {
  res.status(status).type('application/json').send(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
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
        return sendJsonError(res, 400, 'BAD_REQUEST', 'The request body is not valid JSON');
      case 'entity.too.large':
        return sendJsonError(res, 413, 'PAYLOAD_TOO_LARGE', `The request body is over the limit of ${err.limit ?? 'the 1 MB body limit'} bytes`);
      case 'charset.unsupported':
      case 'encoding.unsupported':
        return sendJsonError(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'The request body is in an encoding or charset this server does not read');
    }
    if (status >= 400 && status < 500) return sendJsonError(res, status, 'BAD_REQUEST', 'The request could not be read');
    logger.error({ err }, 'unhandled error in an HTTP route');
    sendJsonError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
  };
}
