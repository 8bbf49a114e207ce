/**
 * Xoxoday error bodies, in the two shapes the upstream uses.
 *
 * - OAuth (`/v1/oauth/token*`, auth failures on the Rewards API): `{error, error_description}`, plus the two
 *   fixed bodies below for revoked tokens and the refresh rate limit.
 * - Rewards API application errors: `{code, errorId, errorInfo, error}` with `code` = the HTTP status.
 *   PLE10001/10012/10018/10041 are documented; PLE10404 (order not found) and PLE10429 (daily getVouchers
 *   quota) are [model]: Xoxoday publishes the statuses, not the ids.
 */
import type { ZodError } from 'zod';

/** errorIds of the Rewards API, by what went wrong. */
export const PlumErrorId = {
  Validation: 'PLE10001',
  CouldNotFulfil: 'PLE10012',
  InvalidDenomination: 'PLE10018',
  QuantityLimit: 'PLE10041',
  /** [model] */
  OrderNotFound: 'PLE10404',
  /** [model] */
  DailyLimit: 'PLE10429',
} as const;
export type PlumErrorId = (typeof PlumErrorId)[keyof typeof PlumErrorId];

export interface PlumErrorBody {
  code: number;
  errorId: PlumErrorId;
  errorInfo: string;
  error: string;
}

/** A Rewards API failure; the dispatcher answers it with `status` and `body`. */
export class PlumError extends Error {
  readonly body: PlumErrorBody;

  constructor(
    readonly status: number,
    errorId: PlumErrorId,
    errorInfo: string,
    detail: string,
  ) {
    super(detail);
    this.body = { code: status, errorId, errorInfo, error: detail };
  }

  static validation(detail: string): PlumError {
    return new PlumError(400, PlumErrorId.Validation, 'Validation error', detail);
  }

  /** Names every bad field, so a client author sees all problems at once. */
  static fromZod(err: ZodError): PlumError {
    return PlumError.validation(err.issues.map((i) => `${i.path.join('.') || 'data'}: ${i.message}`).join('; '));
  }
}

/** Body for any token issued before the control call `/tokens/revoke` (401 on the API, 400 on refresh). */
export const TOKEN_REVOKED_BODY = { success: 0, error_message_id: 'auth.token_error' } as const;

/** Body for more than the allowed refresh calls in the window (HTTP 429). */
export const REFRESH_LIMITED_BODY = { message: 'auth.request_limit_exceeded' } as const;

/** Body for an unknown or expired access token. */
export const INVALID_TOKEN_BODY = { error: 'invalid_token', error_description: 'invalid/expired token' } as const;

export function oauthError(error: string, description: string): { error: string; error_description: string } {
  return { error, error_description: description };
}
