/**
 * graphql-ws on the same path as HTTP. The token comes in `connection_init` (`{authorization:
 * "Bearer …"}`); a missing or bad one closes the socket with 4403 (CloseCode.Forbidden), and a socket
 * whose token expires while open is closed the same way at that moment, so a subscription never
 * outlives its authorisation.
 */
import type http from 'node:http';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { WebSocketServer } from 'ws';
import type { ViewerIdentity } from './auth/tokens';
import { createContext } from './context';
import type { AppServices } from './services';

type SocketExtra = {
  viewer: ViewerIdentity;
  expiryTimer: NodeJS.Timeout;
};

/** setTimeout's limit; a token living longer is re-checked when this fires. */
const MAX_TIMER_MS = 2_147_483_647;

export function attachWebSocket(httpServer: http.Server, schema: GraphQLSchema, services: AppServices) {
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const { metrics, logger, verifier, config } = services;

  const disposable = useServer<Record<string, unknown> | undefined, SocketExtra>(
    {
      schema,
      isProd: config.production,
      onConnect: async (ctx) => {
        const raw = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
        let viewer: ViewerIdentity;
        try {
          viewer = await verifier.verifyAuthorization(typeof raw === 'string' ? raw : undefined);
        } catch (err) {
          logger.info({ outcome: 'UNAUTHENTICATED', reason: err instanceof Error ? err.message : 'invalid' }, 'websocket rejected');
          return false;
        }
        ctx.extra.viewer = viewer;
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
      context: (ctx) => createContext(services, ctx.extra.viewer ?? null),
      onOperation: (ctx, _id, payload) => {
        logger.info({ viewer: ctx.extra.viewer?.id, operation: payload.operationName ?? 'anonymous', type: 'subscription' }, 'graphql subscription');
      },
      onError: (_ctx, _id, _payload, errors) => {
        for (const err of errors) {
          if (!(err instanceof GraphQLError) || !err.extensions?.code) logger.error({ err }, 'subscription error');
        }
      },
    },
    wsServer,
  );

  return {
    wsServer,
    /** Closes every socket (1001 Going Away) and the server. */
    async dispose(): Promise<void> {
      await disposable.dispose();
    },
  };
}
