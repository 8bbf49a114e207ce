/**
 * The GraphQL context of one operation: its scope (viewer, loaders, signal: see scope.ts), why a sent
 * token was refused, and the services resolvers call. Made by both transports (HTTP and graphql-ws)
 * through `createContext`; a subscription moves to a fresh scope for every event it resolves.
 */
import type { Span } from '@opentelemetry/api';
import type { GraphQLError } from 'graphql';
import type { ViewerIdentity } from './auth/tokens';
import { createScope, type OperationScope } from './scope';
import type { AppServices } from './services';

export interface Context {
  /** This operation's scope (this event's, for a subscription). Resolvers hand it to services. */
  scope: OperationScope;
  /** Why the token sent was rejected; the operation gate turns it into the operation's error. */
  authError?: GraphQLError;
  services: AppServices;
  /** A fresh scope (new loaders) for the next subscription event: an earlier event's loaders would serve stale data. */
  nextEvent(): void;
}

export function createContext(services: AppServices, viewer: ViewerIdentity | null, authError?: GraphQLError, span?: Span): Context {
  const timeoutMs = services.config.operationTimeoutMs;
  const context: Context = {
    scope: createScope({ viewer, timeoutMs, span }),
    authError,
    services,
    nextEvent() {
      context.scope.end();
      context.scope = createScope({ viewer, requestId: context.scope.requestId, timeoutMs, span });
    },
  };
  return context;
}
