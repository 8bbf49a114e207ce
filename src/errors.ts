/**
 * Error codes of the API (ARCHITECTURE.md, Errors). Thrown errors carry `extensions.code`; upstream
 * failures also carry `extensions.provider`. Messages never include secrets or upstream bodies.
 */
import { GraphQLError } from 'graphql';

export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  UPSTREAM_UNAVAILABLE = 'UPSTREAM_UNAVAILABLE',
  UPSTREAM_TIMEOUT = 'UPSTREAM_TIMEOUT',
  RATE_LIMITED = 'RATE_LIMITED',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
  // An operation over one of the limits (src/limits/), refused before anything runs (HTTP 400).
  QUERY_TOO_LARGE = 'QUERY_TOO_LARGE',
  QUERY_TOO_DEEP = 'QUERY_TOO_DEEP',
  TOO_MANY_ALIASES = 'TOO_MANY_ALIASES',
  TOO_MANY_DIRECTIVES = 'TOO_MANY_DIRECTIVES',
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
}

/** Which upstream system holds an asset (also the GraphQL enum `Provider`). */
export enum Provider {
  KIGO = 'KIGO',
  KLIP = 'KLIP',
  XOXODAY = 'XOXODAY',
}

export function unauthenticated(message = 'Missing bearer token: send Authorization: Bearer <token>'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });
}

export function forbidden(message = 'Not allowed for this viewer'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.FORBIDDEN } });
}

export function badUserInput(message: string, field?: string[]): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, ...(field ? { field } : {}) } });
}

export function notFound(message = 'Not found'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.NOT_FOUND } });
}

export function rateLimited(message: string, retryAfterSeconds?: number, provider?: Provider): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code: ErrorCode.RATE_LIMITED,
      ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
      ...(provider ? { provider } : {}),
    },
  });
}

/** An upstream could not serve us: unreachable, 5xx, timed out, breaker open, or credentials dead. */
export class UpstreamError extends GraphQLError {
  constructor(
    readonly provider: Provider,
    code: ErrorCode.UPSTREAM_UNAVAILABLE | ErrorCode.UPSTREAM_TIMEOUT | ErrorCode.RATE_LIMITED,
    message: string,
    /** The upstream's HTTP status, when it answered. */
    readonly status?: number,
    /** The upstream's own error code, when it gave one (never in `extensions.code`, which is ours). */
    upstreamCode?: string,
  ) {
    super(message, {
      extensions: { code, provider, ...(status !== undefined ? { upstreamStatus: status } : {}), ...(upstreamCode !== undefined ? { upstreamCode } : {}) },
    });
    this.name = 'UpstreamError';
  }

  get code(): string {
    return this.extensions.code as string;
  }
}

/**
 * An upstream answered 2xx with a body that does not fit its wire schema (malformed, a key missing, a
 * string beyond its bound): the upstream's fault, UPSTREAM_UNAVAILABLE with `reason: BAD_RESPONSE`, never
 * an internal error. The message names the route only: the body may hold secrets.
 */
export class UpstreamBadResponseError extends UpstreamError {
  constructor(provider: Provider, message: string) {
    super(provider, ErrorCode.UPSTREAM_UNAVAILABLE, message);
    this.name = 'UpstreamBadResponseError';
    this.extensions.reason = 'BAD_RESPONSE';
  }
}

/** Display names for messages. */
export const PROVIDER_NAMES: Record<Provider, string> = {
  [Provider.KIGO]: 'Kigo',
  [Provider.KLIP]: 'Klip',
  [Provider.XOXODAY]: 'Xoxoday',
};
