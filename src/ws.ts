/**
 * graphql-ws on the same path as HTTP. The token comes in `connection_init` (`{authorization:
 * "Bearer …"}`, or another shape clients send: operation/connection-auth.ts) and is checked by the same
 * operation gate as HTTP; a missing or bad one closes the socket with 4403 (CloseCode.Forbidden) and a
 * reason saying what is wrong, and a socket whose token expires while open is closed the
 * same way at that moment, so a subscription never outlives its authorisation. Each operation is
 * logged and counted by the same OperationLog as HTTP operations.
 */
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { ExecutionResult, GraphQLSchema } from 'graphql';
import { WebSocketServer } from 'ws';
import type { ViewerIdentity } from './auth/tokens';
import { createContext } from './context';
import { authenticateConnection } from './operation/connection-auth';
import type { OperationLog } from './operation/operation-log';
import type { AppServices } from './services';

type SocketExtra = {
  viewer: ViewerIdentity;
  expiryTimer: NodeJS.Timeout;
  /** When each operation (by its id) started, for its duration. */
  started: Map<string, { at: number; requestId: string }>;
};

/** setTimeout's limit; a token living longer is re-checked when this fires. */
const MAX_TIMER_MS = 2_147_483_647;

export function attachWebSocket(httpServer: http.Server, schema: GraphQLSchema, services: AppServices, operationLog: OperationLog) {
  // Upgrades are handed over by hand rather than with `server: httpServer`: that option also re-emits
  // the HTTP server's own errors (a port in use) on the websocket server, which graphql-ws reports as
  // "Internal error emitted on the WebSocket server. Please check your implementation."
  const wsServer = new WebSocketServer({ noServer: true, path: '/graphql' });
  const onUpgrade = (req: http.IncomingMessage, socket: Duplex, head: Buffer): void => wsServer.handleUpgrade(req, socket, head, (ws) => wsServer.emit('connection', ws, req));
  httpServer.on('upgrade', onUpgrade);
  const { metrics, logger, verifier, config } = services;

  const disposable = useServer<Record<string, unknown> | undefined, SocketExtra>(
    {
      schema,
      isProd: config.production,
      onConnect: async (ctx) => {
        // A socket is for subscriptions only, which all need a viewer: no anonymous introspection here.
        const auth = await authenticateConnection(verifier, ctx.connectionParams, ctx.extra.request);
        if (!auth.viewer) {
          logger.info({ outcome: 'UNAUTHENTICATED', reason: auth.refusal }, 'websocket rejected');
          // graphql-ws closes with a bare "Forbidden"; closing first says what is wrong (its close is then a no-op).
          ctx.extra.socket.close(CloseCode.Forbidden, auth.refusal);
          return false;
        }
        const viewer = auth.viewer;
        ctx.extra.viewer = viewer;
        ctx.extra.started = new Map();
        if (viewer.expiresAt !== undefined) {
          const closeAtExpiry = (): void => {
            const remaining = viewer.expiresAt! - Date.now();
            if (remaining > 0) {
              ctx.extra.expiryTimer = setTimeout(closeAtExpiry, Math.min(remaining, MAX_TIMER_MS));
              return;
            }
            ctx.extra.socket.close(CloseCode.Forbidden, 'Token expired');
          };
          closeAtExpiry();
        }
        metrics.websocketConnections.inc();
        logger.info({ viewer: viewer.id }, 'websocket connected');
        return true;
      },
      onClose: (ctx) => {
        if (ctx.extra.expiryTimer) clearTimeout(ctx.extra.expiryTimer);
        // onClose runs for sockets rejected before acknowledgement too; only count acknowledged ones.
        if (ctx.acknowledged) metrics.websocketConnections.dec();
      },
      context: (ctx, id) => {
        const context = createContext(services, ctx.extra.viewer ?? null);
        ctx.extra.started?.set(id, { at: performance.now(), requestId: context.scope.requestId });
        return context;
      },
      onOperation: (ctx, id, payload, _args, result) => {
        // A subscription that started is counted once, as it starts; one refused at subscribe time carries its errors.
        const errors = isResult(result) ? result.errors : undefined;
        record(ctx.extra, id, payload.operationName, errors);
      },
      onError: (ctx, id, payload, errors) => {
        operationLog.unexpected(ctx.extra.started?.get(id)?.requestId ?? id, errors);
        record(ctx.extra, id, payload.operationName, errors);
      },
      onComplete: (ctx, id) => {
        ctx.extra.started?.delete(id);
      },
    },
    wsServer,
  );

  function record(extra: Partial<SocketExtra>, id: string, name: string | null | undefined, errors: ExecutionResult['errors']): void {
    const started = extra.started?.get(id);
    operationLog.record({
      requestId: started?.requestId ?? id,
      viewer: extra.viewer?.id,
      name,
      type: 'subscription',
      transport: 'ws',
      durationMs: started ? performance.now() - started.at : 0,
      errors,
    });
  }

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
