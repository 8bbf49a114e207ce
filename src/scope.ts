/**
 * One operation's scope: who is asking, the operation's per-request DataLoaders, and the signal that
 * ends its upstream work. Made once per HTTP operation and once per subscription event (never shared
 * across viewers: a loader cache shared by two viewers would leak data), handed by the resolver to its
 * service and by the service to every upstream call (`UpstreamRequest.scope`). Anything that must hold
 * for a whole operation (a deadline, a quota, a trace) belongs here, so that it reaches every upstream
 * call without another parameter threaded through the domains.
 *
 * Domains depend on this small interface, never on the GraphQL `Context` (which carries every domain's
 * service: depending on it is what made the import circle).
 */
import { randomUUID } from 'node:crypto';
import type DataLoader from 'dataloader';
import type { ViewerIdentity } from './auth/tokens';

export interface OperationScope {
  /** Correlates log lines of one operation. */
  readonly requestId: string;
  /** Who is asking; null for anonymous introspection and for background work. */
  readonly viewer: ViewerIdentity | null;
  /** Aborted when the operation's work must stop; every upstream call listens to it. */
  readonly signal: AbortSignal;
  /** This operation's loader called `name`, created on first use. */
  loader<K, V, C = K>(name: string, create: () => DataLoader<K, V, C>): DataLoader<K, V, C>;
}

export interface ScopeOptions {
  viewer: ViewerIdentity | null;
  /** @default a new random id */
  requestId?: string;
  /** @default a signal that never aborts */
  signal?: AbortSignal;
}

export function createScope(options: ScopeOptions): OperationScope {
  const loaders = new Map<string, DataLoader<unknown, unknown, unknown>>();
  return {
    requestId: options.requestId ?? randomUUID(),
    viewer: options.viewer,
    signal: options.signal ?? new AbortController().signal,
    loader<K, V, C = K>(name: string, create: () => DataLoader<K, V, C>): DataLoader<K, V, C> {
      let loader = loaders.get(name) as DataLoader<K, V, C> | undefined;
      if (!loader) {
        loader = create();
        loaders.set(name, loader as unknown as DataLoader<unknown, unknown, unknown>);
      }
      return loader;
    },
  };
}

/**
 * A scope for work no viewer asked for right now: a poll, a catalog sync, a credential renewal shared
 * by many operations (one operation's end must not cancel what others wait for). Fresh per task.
 */
export function backgroundScope(task: string): OperationScope {
  return createScope({ viewer: null, requestId: `background:${task}` });
}
