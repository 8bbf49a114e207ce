/**
 * Per-operation context: the viewer and a fresh set of DataLoaders for every HTTP request and every
 * subscription event (never a module-level loader: a cache shared across viewers would leak data).
 */
import { randomUUID } from 'node:crypto';
import type DataLoader from 'dataloader';
import type { GraphQLError } from 'graphql';
import type { ViewerIdentity } from './auth/tokens';
import type { AppServices } from './services';

export interface Context {
  requestId: string;
  /** Null when no token was sent (only introspection is then allowed) or it was rejected. */
  viewer: ViewerIdentity | null;
  /** Why the token sent was rejected; the auth plugin turns it into the operation's error. */
  authError?: GraphQLError;
  services: AppServices;
  /** This operation's loader called `name`, created on first use. */
  loader<K, V, C = K>(name: string, create: () => DataLoader<K, V, C>): DataLoader<K, V, C>;
  /** Drops every loader: a subscription calls this before resolving each event. */
  resetLoaders(): void;
}

export function createContext(services: AppServices, viewer: ViewerIdentity | null, authError?: GraphQLError): Context {
  let loaders = new Map<string, DataLoader<unknown, unknown, unknown>>();
  return {
    requestId: randomUUID(),
    viewer,
    authError,
    services,
    loader<K, V, C = K>(name: string, create: () => DataLoader<K, V, C>): DataLoader<K, V, C> {
      let loader = loaders.get(name) as DataLoader<K, V, C> | undefined;
      if (!loader) {
        loader = create();
        loaders.set(name, loader as unknown as DataLoader<unknown, unknown, unknown>);
      }
      return loader;
    },
    resetLoaders() {
      loaders = new Map();
    },
  };
}
