/**
 * Klip error answers, both base paths: `{code: <int>, message}` [model for the field names and codes;
 * Klip documents "a specific code and a message"]. Statuses [doc]: 400 bad syntax (and, in App2App, an
 * unknown request_key), 401 invalid or expired partner token, 500; nothing else on a documented route,
 * so an unknown card is 400 too. 404 only for a path Klip does not have [model].
 * Messages name the offending field and never echo a secret (password, PIN, token).
 */
import type { Response } from 'express';
import type { ZodError } from 'zod';

/**
 * Stable machine-readable codes, mostly `HTTP status × 100 + n`. CardNotFound keeps 40400 although it is
 * now answered with 400: clients already recognise the code, and the code, not the status, says what.
 */
export enum KlipErrorCode {
  /** A body or query field is missing or malformed; the message names it. */
  InvalidRequest = 40000,
  /** `cursor` was not issued by this listing, or was altered. */
  InvalidCursor = 40001,
  /** Mint: `pin` is missing or wrong. */
  InvalidPin = 40002,
  /** Mint: `contract_address` is not the partner's card contract. */
  ContractNotOwned = 40003,
  /** An address is not `0x` + 40 hex digits; the message says which. */
  InvalidAddress = 40004,
  /** Mint: the partner's `mint_limit` would be exceeded. */
  MintLimitExceeded = 40005,
  /** Card info: the id is not a decimal number. */
  InvalidCardId = 40006,
  /** App2App result: no request has this `request_key`. */
  UnknownRequestKey = 40007,
  /** Partner login: no partner with this email and password. */
  WrongCredentials = 40100,
  /** `Authorization` is missing, has a `Bearer ` prefix, or holds a token never issued. */
  InvalidToken = 40101,
  /** The token was issued but its 24 h are over: log in again. */
  ExpiredToken = 40102,
  /** Card info: no card with this id in the partner contract (HTTP 400). */
  CardNotFound = 40400,
  /** No Klip route at this method and path. */
  NoSuchRoute = 40401,
}

export function sendKlipError(res: Response, status: 400 | 401 | 404, code: KlipErrorCode, message: string): void {
  res.status(status).json({ code, message });
}

/** A 400 for a failed zod parse, naming every bad field as `path: problem`. */
export function sendValidationError(res: Response, error: ZodError, prefix?: string): void {
  sendKlipError(res, 400, codeFor(error), describeIssues(error, prefix));
}

export function describeIssues(error: ZodError, prefix?: string): string {
  return error.issues
    .map((issue) => {
      const path = [prefix, ...issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))].filter(Boolean).join('.').replace(/\.\[/g, '[');
      return `${path || 'body'}: ${issue.message}`;
    })
    .join('; ');
}

/** Address problems get their own code so a client can tell "bad wallet address" from other input errors. */
function codeFor(error: ZodError): KlipErrorCode {
  return error.issues.every((i) => i.message === ADDRESS_MESSAGE) ? KlipErrorCode.InvalidAddress : KlipErrorCode.InvalidRequest;
}

export const ADDRESS_MESSAGE = 'must be a Klaytn address: 0x followed by 40 hex digits';
