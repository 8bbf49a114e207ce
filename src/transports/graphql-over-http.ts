/**
 * What Apollo Server does not decide the way the GraphQL-over-HTTP spec and our clients need:
 * - **CSRF**: a request is safe when a browser would have preflighted it. Every operation here carries
 *   `Authorization: Bearer …`, which is not a CORS-safelisted header, so a GET that carries it (urql's
 *   default client, graphql-request's GET, APQ over GET) is served; a simple cookie-style GET or form
 *   POST without it stays blocked. Mutations never run over GET (Apollo answers 405).
 * - **Request errors under `application/json`**: the spec says 200 for a well-formed request whose
 *   document does not parse, does not validate or whose variables do not coerce, when the client
 *   accepts `application/json` (older clients read the body only on 200); Apollo answers 400.
 *   `application/graphql-response+json` keeps Apollo's 400, as that media type's rules say.
 * - **Caching**: every answer is `Cache-Control: no-store` (it is one viewer's, and nothing here is
 *   cacheable), set here rather than by Apollo's cache-control plugin, which is off.
 * - **A subscription POSTed as plain JSON** gets 400 naming the three ways to subscribe, instead of
 *   being executed as if it were a query (which crashed its resolver).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import Negotiator from 'negotiator';

/**
 * Headers whose presence proves a browser preflighted the request (Apollo's two plus Authorization).
 * A `content-type` other than the three simple ones proves it too (Apollo checks that itself).
 */
export const CSRF_PREFLIGHT_HEADERS = ['authorization', 'x-apollo-operation-name', 'apollo-require-preflight'];

const APPLICATION_JSON = 'application/json; charset=utf-8';
const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json; charset=utf-8';

/** Apollo's codes for a document that does not parse, validate, pick an operation, or coerce its variables. */
const REQUEST_ERROR_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'OPERATION_RESOLUTION_FAILURE', 'BAD_USER_INPUT']);

export const SUBSCRIBE_OVER_HTTP_HINT =
  'Subscriptions are not served as a plain JSON request. Subscribe over graphql-ws (a websocket to this URL, ' +
  'subprotocol graphql-transport-ws), GraphQL over SSE (Accept: text/event-stream) or multipart HTTP ' +
  '(Accept: multipart/mixed;subscriptionSpec=1.0, as Apollo Client sends it)';

/**
 * The media type Apollo will answer a single result with, decided as Apollo decides it
 * (`chooseContentTypeForSingleResultResponse`, not exported): no Accept is JSON; otherwise the
 * client's preference between the two, `application/json` first on a tie.
 */
export function singleResultMediaType(accept: string | undefined): string | undefined {
  if (!accept) return APPLICATION_JSON;
  return new Negotiator({ headers: { accept } }).mediaType([APPLICATION_JSON, GRAPHQL_RESPONSE_JSON]);
}

/**
 * The status a refused request carries under `mediaType`: a request error (the document, its operation
 * or its variables) is 200 under `application/json` and keeps its 4xx otherwise; anything else (a
 * refused token, a bad request) keeps its status everywhere.
 */
export function graphqlOverHttpStatus(mediaType: string | undefined, status: number, errors: ReadonlyArray<{ extensions?: Record<string, unknown> }>): number {
  const requestErrorsOnly = errors.length > 0 && errors.every((e) => REQUEST_ERROR_CODES.has(String(e.extensions?.code)));
  return status === 400 && requestErrorsOnly && mediaType === APPLICATION_JSON ? 200 : status;
}

export function graphqlOverHttpPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation === 'subscription') {
            throw new GraphQLError(SUBSCRIBE_OVER_HTTP_HINT, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
          }
        },
        async willSendResponse({ request, response }) {
          // What Apollo's cache-control plugin answered for every result (it is off: no field here is
          // cacheable, and it wrapped every resolver to find that out); answers are the viewer's own.
          if (!response.http.headers.has('cache-control')) response.http.headers.set('cache-control', 'no-store');
          const body = response.body;
          if (body.kind !== 'single' || response.http.status !== 400 || body.singleResult.data !== undefined) return;
          const mediaType = singleResultMediaType(request.http?.headers.get('accept'));
          const status = graphqlOverHttpStatus(mediaType, 400, body.singleResult.errors ?? []);
          if (status === 400 || !mediaType) return;
          // Set here so that Apollo's own choice, made after this hook, cannot differ from ours.
          response.http.headers.set('content-type', mediaType);
          response.http.status = status;
        },
      };
    },
  };
}
