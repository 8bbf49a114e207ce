import type { NextFunction, Request, Response } from 'express';

/** Every error code the emulated Kigo answers with, and its HTTP status. */
export const KigoErrorStatus = {
  invalid_request: 400,
  unauthorized: 401,
  token_expired: 401,
  token_not_found: 404,
  claim_code_invalid: 404,
  token_not_shareable: 409,
  token_already_shared: 409,
  share_not_pending: 409,
  cannot_claim_own_token: 409,
} as const;

export type KigoErrorCode = keyof typeof KigoErrorStatus;

/** An expected failure: the route answers `{error: {code, message}}` with the code's status. */
export class KigoError extends Error {
  readonly status: number;

  constructor(
    readonly code: KigoErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'KigoError';
    this.status = KigoErrorStatus[code];
  }
}

/**
 * The one answer for every bad claim code, whatever the reason (unknown, cancelled, expired, used),
 * so that a caller cannot probe which codes once existed. Never echoes the code.
 */
export function claimCodeInvalid(): KigoError {
  return new KigoError('claim_code_invalid', 'claim code is invalid');
}

export function tokenNotFound(): KigoError {
  return new KigoError('token_not_found', 'token not found in this wallet');
}

/**
 * Last handler of the Kigo routers: turns a thrown KigoError into the wire shape. Anything else is a
 * sandbox bug and answers 500 in the same shape, so that a client never sees Express's HTML page.
 */
export function kigoErrorHandler(err: unknown, _req: Request, res: Response, _next: NextFunction): void {
  if (err instanceof KigoError) {
    if (err.status === 401) res.set('WWW-Authenticate', `Bearer error="invalid_token"`);
    res.status(err.status).json({ error: { code: err.code, message: err.message } });
    return;
  }
  const message = err instanceof Error ? err.message : String(err);
  res.status(500).json({ error: { code: 'internal', message } });
}
