/**
 * The last word on what a client sees of an error. Coded errors pass as they are (their messages are
 * written for clients). Anything uncoded is a bug: in production its message is replaced, so no
 * internal detail, SQL or upstream body leaks; stack traces are included outside production only
 * (Apollo's includeStacktraceInErrorResponses).
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ErrorCode } from './errors';

const PASS_THROUGH = new Set<string>(Object.values(ErrorCode).filter((c) => c !== ErrorCode.INTERNAL_SERVER_ERROR));

// Apollo's own codes for malformed requests are safe to show as they are.
const APOLLO_CLIENT_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE']);

export function formatError(production: boolean) {
  return (formatted: GraphQLFormattedError, error?: unknown): GraphQLFormattedError => {
    // Apollo refuses some requests with an uncoded error and a 4xx (a persisted query whose hash does
    // not match it, an unsupported version): the client's mistake, not our bug.
    if (formatted.extensions?.code === ErrorCode.INTERNAL_SERVER_ERROR && isUncodedRequestError(error)) {
      formatted = { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_REQUEST' } };
    }
    const code = String(formatted.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR);
    if (PASS_THROUGH.has(code) || APOLLO_CLIENT_CODES.has(code)) {
      // An expected outcome needs no stack trace, in any environment.
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    if (!production) return formatted;
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}

function isUncodedRequestError(error: unknown): boolean {
  if (!(error instanceof GraphQLError) || error.path || error.extensions.code !== undefined) return false;
  const status = (error.extensions.http as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}
