/**
 * graphql-ws on the same path as HTTP, through the same operation gate and log:
 * - a frame over WS_MAX_PAYLOAD_BYTES closes the socket with 1009 before it is buffered (ws reads the
 *   length from the frame header);
 * - the token comes in `connection_init` (`{authorization: "Bearer …"}`, or another shape clients send:
 *   operation/connection-auth.ts); a missing or bad one closes the socket with 4403
 *   (CloseCode.Forbidden) and a reason naming where the token was and what an HTTP request would hear
 *   ("connection_init authorization: Token expired"); a socket whose token expires while open is closed
 *   the same way at that moment, so a subscription never outlives its authorisation;
 * - a viewer over WS_SOCKETS_PER_VIEWER open sockets is closed with 1013 (Try Again Later);
 * - each subscribe passes the same limits as an HTTP operation (size, depth, aliases, cost, quota) and
 *   a socket holds at most WS_SUBSCRIPTIONS_PER_SOCKET at once; a refusal is that subscription's error.
 */
import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import {
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { WebSocketServer } from 'ws';
import { whenTokenExpires, type ViewerIdentity } from './auth/tokens';
import { createContext } from './context';
import { rateLimited } from './errors';
import { authenticateConnection } from './operation/connection-auth';
import type { OperationGate } from './operation/operation-gate';
import type { OperationLog } from './operation/operation-log';
import type { Span } from './observability/tracing';
import type { Slot } from './pubsub';
import type { AppServices } from './services';

type SocketExtra = {
  viewer: ViewerIdentity;
  /** Cancels the close at the token's expiry. */
  stopExpiry: () => void;
  /** This socket's place in its viewer's WS_SOCKETS_PER_VIEWER quota. */
  slot?: Slot;
  /** When each operation (by its id) started, for its duration, and its trace span. */
  started: Map<string, { at: number; requestId: string; span?: Span; name?: string }>;
};

/** RFC 6455's "Try Again Later": graphql-ws clients retry it, later. */
const TRY_AGAIN_LATER = 1013;
/** A close frame's reason is at most 123 bytes. */
const MAX_REASON_BYTES = 123;

export function attachWebSocket(httpServer: http.Server, schema: GraphQLSchema, services: AppServices, operation: { gate: OperationGate; log: OperationLog }) {
  const { metrics, logger, config, quotas } = services;
  const { gate, log } = operation;
  // Upgrades are handed over by hand rather than with `server: httpServer`: that option also re-emits
  // the HTTP server's own errors (a port in use) on the websocket server, which graphql-ws reports as
  // "Internal error emitted on the WebSocket server. Please check your implementation."
  const wsServer = new WebSocketServer({ noServer: true, path: '/graphql', maxPayload: config.websocket.maxPayloadBytes });
  const onUpgrade = (req: http.IncomingMessage, socket: Duplex, head: Buffer): void => wsServer.handleUpgrade(req, socket, head, (ws) => wsServer.emit('connection', ws, req));
  httpServer.on('upgrade', onUpgrade);
  const rules = config.introspection ? specifiedRules : [...specifiedRules, NoSchemaIntrospectionCustomRule];

  const disposable = useServer<Record<string, unknown> | undefined, SocketExtra>(
    {
      schema,
      isProd: config.production,
      onConnect: async (ctx) => {
        // A socket is for subscriptions only, which all need a viewer: no anonymous introspection here.
        const auth = await authenticateConnection(gate, ctx.connectionParams, ctx.extra.request);
        if (!auth.viewer) {
          logger.info({ outcome: 'UNAUTHENTICATED', reason: auth.refusal }, 'websocket rejected');
          // graphql-ws closes with a bare "Forbidden"; closing first says what is wrong (its close is then a no-op).
          ctx.extra.socket.close(CloseCode.Forbidden, auth.refusal);
          return false;
        }
        const viewer = auth.viewer;
        const slot = await quotas.socket(viewer.id, randomUUID());
        if (!slot) {
          logger.info({ viewer: viewer.id, outcome: 'RATE_LIMITED' }, 'websocket rejected: too many sockets for this viewer');
          ctx.extra.socket.close(TRY_AGAIN_LATER, truncate(`Too many open websockets for this viewer (at most ${config.quotas.wsSocketsPerViewer})`));
          return false;
        }
        ctx.extra.slot = slot;
        ctx.extra.viewer = viewer;
        ctx.extra.started = new Map();
        ctx.extra.stopExpiry = whenTokenExpires(viewer, () => ctx.extra.socket.close(CloseCode.Forbidden, 'Token expired'));
        metrics.websocketConnections.inc();
        logger.info({ viewer: viewer.id }, 'websocket connected');
        return true;
      },
      onClose: (ctx) => {
        ctx.extra.stopExpiry?.();
        void ctx.extra.slot?.release();
        // onClose runs for sockets rejected before acknowledgement too; only count acknowledged ones.
        if (ctx.acknowledged) metrics.websocketConnections.dec();
      },
      onSubscribe: async (ctx, id, payload) => {
        const perSocket = config.quotas.wsSubscriptionsPerSocket;
        // graphql-ws has already registered this one (as null) to refuse a duplicate id: count the others.
        if (perSocket > 0 && Object.keys(ctx.subscriptions).filter((other) => other !== id).length >= perSocket) {
          return [rateLimited(`This socket already holds ${perSocket} subscriptions (WS_SUBSCRIPTIONS_PER_SOCKET); end one or open another socket`, 1)];
        }
        let document;
        try {
          gate.checkSource(payload.query);
          document = parse(payload.query, { maxTokens: config.limits.maxTokens });
        } catch (err) {
          return [err as GraphQLError];
        }
        const invalid = validate(schema, document, rules);
        if (invalid.length > 0) return invalid;
        const operationNode = getOperationAST(document, payload.operationName);
        if (!operationNode) return [new GraphQLError('Unable to identify the operation: name it with `operationName`')];
        const span = services.tracing.enabled ? services.tracing.startOperation() : undefined;
        const contextValue = createContext(services, ctx.extra.viewer ?? null, undefined, span);
        ctx.extra.started?.set(id, { at: performance.now(), requestId: contextValue.scope.requestId, span, name: operationNode.name?.value });
        try {
          await gate.admit({ viewer: contextValue.scope.viewer, document, operation: operationNode, variables: payload.variables ?? undefined });
        } catch (err) {
          return [err as GraphQLError];
        }
        return { schema, document, operationName: payload.operationName, variableValues: payload.variables, contextValue };
      },
      onOperation: (ctx, id, payload, _args, result) => {
        // A subscription that started is counted once, as it starts; one refused at subscribe time carries its errors.
        const errors = isResult(result) ? result.errors : undefined;
        record(ctx.extra, id, payload.operationName, errors);
      },
      onError: (ctx, id, payload, errors) => {
        log.unexpected(ctx.extra.started?.get(id)?.requestId ?? id, errors);
        record(ctx.extra, id, payload.operationName, errors);
        // The HTTP status hint is for HTTP; the stack is for nobody.
        return errors.map((err) => {
          const { http: _http, ...extensions } = err.extensions ?? {};
          return new GraphQLError(err.message, { nodes: err.nodes, path: err.path, extensions });
        });
      },
      onComplete: (ctx, id) => {
        ctx.extra.started?.delete(id);
      },
    },
    wsServer,
  );

  function record(extra: Partial<SocketExtra>, id: string, name: string | null | undefined, errors: ExecutionResult['errors']): void {
    const started = extra.started?.get(id);
    log.record({
      requestId: started?.requestId ?? id,
      viewer: extra.viewer?.id,
      name: name ?? started?.name,
      type: 'subscription',
      transport: 'ws',
      durationMs: started ? performance.now() - started.at : 0,
      errors,
      span: started?.span,
    });
  }

  // graphql-ws answers a socket's error with console.error; ours go to the log. An oversized frame
  // (ws has already sent 1009) is cut off at once: ws would otherwise keep reading and discarding the
  // rest of it until the peer acknowledged the close, and a 99 MB frame is 99 MB of garbage buffers.
  wsServer.on('connection', (socket) => {
    socket.removeAllListeners('error');
    socket.on('error', (err: Error & { code?: string }) => {
      if (err.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') {
        logger.info({ limit: config.websocket.maxPayloadBytes }, 'websocket closed: frame over WS_MAX_PAYLOAD_BYTES');
        setImmediate(() => socket.pause());
        setTimeout(() => socket.terminate(), 250).unref();
        return;
      }
      logger.warn({ err }, 'websocket error');
      socket.close(CloseCode.InternalServerError, config.production ? 'Internal server error' : truncate(err.message));
    });
  });

  let disposing: Promise<void> | undefined;
  return {
    wsServer,
    /** Closes every socket (1001 Going Away) and the server; safe to call more than once. */
    dispose(): Promise<void> {
      httpServer.off('upgrade', onUpgrade);
      return (disposing ??= Promise.resolve(disposable.dispose()));
    },
  };
}

function isResult(value: unknown): value is ExecutionResult {
  return typeof value === 'object' && value !== null && !(Symbol.asyncIterator in value);
}

function truncate(reason: string): string {
  const bytes = Buffer.from(reason, 'utf8');
  return bytes.length <= MAX_REASON_BYTES ? reason : `${bytes.subarray(0, MAX_REASON_BYTES - 3).toString('utf8').replace(/\uFFFD$/, '')}...`;
}
