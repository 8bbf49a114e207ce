/**
 * One GraphQL operation carried by a streaming HTTP transport (SSE, multipart), taken through the same
 * steps as graphql-ws and Apollo: the operation gate (`authenticate`, then `admit` once the document is
 * parsed and validated, before any resolver), a `Context` from `createContext`, graphql's own
 * `subscribe()`/`execute()` on the one schema (so the App2App fan-out, its owner check and its one
 * poller per key are reached exactly as over graphql-ws), and one `OperationLog` record as it starts.
 *
 * The stream ends when the operation does, when the client goes away (the caller returns the
 * iterator, which ends the subscription and with it its poller interest), or when the viewer's token
 * expires: an HTTP stream outlives its authorisation no more than a websocket does.
 */
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { Repeater } from '@graphql-yoga/subscription';
import {
  execute,
  getOperationAST,
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  subscribe,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type FormattedExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { whenTokenExpires, type ViewerIdentity } from '../auth/tokens';
import { createContext } from '../context';
import { unauthenticated } from '../errors';
import { formatError } from '../format-error';
import type { OperationGate } from '../operation/operation-gate';
import type { OperationLog, OperationRecord } from '../operation/operation-log';
import type { AppServices } from '../services';

export interface HttpOperationDeps {
  schema: GraphQLSchema;
  services: AppServices;
  gate: OperationGate;
  log: OperationLog;
}

/** The request as the transport read it (graphql-sse's RequestParams, or our own reading for multipart). */
export interface OperationParams {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

export type PreparedOperation =
  /** Refused before any resolver ran: the status an HTTP answer would carry, and the errors. */
  | { kind: 'refused'; status: number; errors: GraphQLFormattedError[]; allow?: string }
  | { kind: 'ready'; type: OperationDefinitionNode['operation']; requestId: string; viewer: ViewerIdentity | null; start(): Promise<ExecutionResult | AsyncIterable<ExecutionResult>> };

export function createHttpOperations(deps: HttpOperationDeps, transport: OperationRecord['transport']) {
  const { schema, services, gate, log } = deps;
  const format = formatError(services.config.production);
  // As Apollo: introspection only where GRAPHQL_INTROSPECTION allows it.
  const rules = services.config.introspection ? specifiedRules : [...specifiedRules, NoSchemaIntrospectionCustomRule];

  function formatErrors(errors: readonly GraphQLError[]): GraphQLFormattedError[] {
    return errors.map((error) => {
      const formatted = error.toJSON();
      // `http` is a hint to the transport (Apollo strips it too); uncoded errors are bugs, and get
      // the code Apollo gives them before formatting.
      const { http: _http, ...extensions } = formatted.extensions ?? {};
      return format({ ...formatted, extensions: { ...extensions, code: extensions.code ?? 'INTERNAL_SERVER_ERROR' } });
    });
  }

  function formatResult(result: ExecutionResult): FormattedExecutionResult {
    return { ...result, errors: result.errors ? formatErrors(result.errors) : undefined } as FormattedExecutionResult;
  }

  /** Parse, validate, gate and make the context; nothing runs until `start()`. */
  async function prepare(params: OperationParams, http: { method: string; authorization: string | undefined; traceparent?: string }): Promise<PreparedOperation> {
    const began = performance.now();
    const auth = await gate.authenticate(http.authorization);
    const refuse = (status: number, errors: GraphQLError[], operation?: OperationDefinitionNode, allow?: string): PreparedOperation => {
      log.record({ requestId: randomUUID(), viewer: auth.viewer?.id, name: params.operationName ?? operation?.name?.value, type: operation?.operation ?? 'unknown', transport, durationMs: performance.now() - began, errors });
      return { kind: 'refused', status, errors: formatErrors(errors), allow };
    };

    let document: DocumentNode;
    try {
      gate.checkSource(params.query);
    } catch (err) {
      return refuse(400, [err as GraphQLError]);
    }
    try {
      document = parse(params.query, { maxTokens: services.config.limits.maxTokens });
    } catch (err) {
      return refuse(400, [withCode(err as GraphQLError, 'GRAPHQL_PARSE_FAILED')]);
    }
    const invalid = validate(schema, document, rules);
    if (invalid.length > 0) return refuse(400, invalid.map((e) => withCode(e, 'GRAPHQL_VALIDATION_FAILED')));
    const operation = getOperationAST(document, params.operationName ?? undefined);
    if (!operation) {
      const message = params.operationName ? `Unknown operation named "${params.operationName}".` : 'Must provide operation name if query contains multiple operations.';
      return refuse(400, [new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } })]);
    }
    if (http.method === 'GET' && operation.operation === 'mutation') {
      return refuse(405, [new GraphQLError('Mutations are sent with POST, never GET', { extensions: { code: 'BAD_REQUEST' } })], operation, 'POST');
    }
    try {
      await gate.admit({ viewer: auth.viewer, authError: auth.error, document, operation, variables: params.variables ?? undefined });
    } catch (err) {
      // A limit is 400, a token 401, a quota 429: each error says which in its `http` hint.
      const status = Number((err as GraphQLError).extensions?.http && ((err as GraphQLError).extensions.http as { status?: number }).status) || 401;
      return refuse(status, [err as GraphQLError], operation);
    }

    const span = services.tracing.enabled ? services.tracing.startOperation(http.traceparent) : undefined;
    const context = createContext(services, auth.viewer, auth.error, span);
    return {
      kind: 'ready',
      type: operation.operation,
      requestId: context.scope.requestId,
      viewer: auth.viewer,
      async start() {
        const args = { schema, document, operationName: params.operationName, variableValues: params.variables, contextValue: context };
        const result = asRequestErrors(await (operation.operation === 'subscription' ? subscribe(args) : execute(args)));
        // A query or mutation has its answer; a subscription's events each get their own scope.
        if (operation.operation !== 'subscription') context.scope.end();
        // Counted once, as it starts (as over graphql-ws); a refusal at subscribe time carries its errors.
        const errors = isResult(result) ? result.errors : undefined;
        if (errors) log.unexpected(context.scope.requestId, errors);
        log.record({ requestId: context.scope.requestId, viewer: auth.viewer?.id, name: operation.name?.value, type: operation.operation, transport, durationMs: performance.now() - began, errors, span });
        return result;
      },
    };
  }

  /**
   * The operation's results as a stream the transport writes: each result through `onResult`, and a
   * last item through `onEnd` when the stream must end with an error of its own (the token expired,
   * or the source failed). A Repeater, so that `return()` ends the source at once, however long it
   * has been waiting for its next event (an async generator would wait for that event first).
   */
  function stream<T>(started: ExecutionResult | AsyncIterable<ExecutionResult>, operation: { requestId: string; viewer: ViewerIdentity | null }, map: { onResult(result: FormattedExecutionResult): T; onEnd(errors: GraphQLFormattedError[]): T }): Repeater<T> {
    return new Repeater<T>(async (push, stop) => {
      if (isResult(started)) {
        await push(map.onResult(formatResult(started)));
        stop();
        return;
      }
      const iterator = started[Symbol.asyncIterator]();
      const stopExpiry = whenTokenExpires(operation.viewer, () => {
        void push(map.onEnd(formatErrors([unauthenticated('Token expired')])));
        stop();
      });
      void (async () => {
        try {
          for (;;) {
            const next = await iterator.next();
            if (next.done) break;
            if (next.value.errors) log.unexpected(operation.requestId, next.value.errors);
            await push(map.onResult(formatResult(next.value)));
          }
        } catch (err) {
          log.unexpected(operation.requestId, [{ originalError: err }]);
          await push(map.onEnd(formatErrors([err instanceof GraphQLError ? err : new GraphQLError('Subscription failed', { originalError: err as Error })])));
        }
        stop();
      })();
      await stop;
      stopExpiry();
      await iterator.return?.();
    });
  }

  return { prepare, stream, formatErrors };
}

export type HttpOperations = ReturnType<typeof createHttpOperations>;

/**
 * Writes a stream's chunks to the response as fast as the client reads them (waiting on backpressure);
 * the client going away returns the stream, which ends the operation (and its poller interest). The
 * caller ends the response.
 */
export async function writeStream(res: ServerResponse, chunks: AsyncIterableIterator<string>): Promise<void> {
  const close = (): void => void chunks.return?.();
  res.once('close', close);
  try {
    for await (const chunk of chunks) {
      if (!res.writable) break;
      if (!res.write(chunk)) await new Promise<void>((resolve) => res.once('drain', resolve).once('close', resolve));
    }
  } finally {
    res.off('close', close);
  }
}

/** One value of a header that may come repeated. */
export function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { ...error.extensions, code } });
}

/**
 * Variables that do not coerce come back from graphql-js as uncoded errors without a path or data;
 * they are the client's (BAD_USER_INPUT, as Apollo names them), not our bugs. A resolver's error
 * always has a path.
 */
function asRequestErrors<T>(result: T): T {
  if (!isResult(result) || result.data !== undefined || !result.errors) return result;
  return { ...result, errors: result.errors.map((e) => (!e.path && e.extensions.code === undefined ? withCode(e, 'BAD_USER_INPUT') : e)) };
}

function isResult(value: unknown): value is ExecutionResult {
  return typeof value === 'object' && value !== null && !(Symbol.asyncIterator in value);
}
