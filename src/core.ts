/**
 * What the process holds once and every domain may use: configuration, store, coordination,
 * observability, HTTP clients of the upstreams and cursors. Built by server.ts and handed to each
 * domain's `start`. Nothing here knows the domains: a domain depends on this file, never the reverse.
 */
import type { TokenVerifier } from './auth/tokens';
import type { Config, UpstreamsConfig } from './config';
import type { UpstreamHttp } from './datasources/http';
import type { Provider } from './errors';
import type { ViewerQuotas } from './limits/viewer-quotas';
import type { Metrics } from './observability/metrics';
import type { Tracing } from './observability/tracing';
import type { Logger } from './observability/logger';
import type { Coordination } from './pubsub';
import type { CursorCodec } from './schema/cursor';
import type { Store } from './store';

/** One line of /readyz: throws (with an operator-readable message) when not ready. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<void> | void;
}

export interface CoreServices {
  config: Config;
  upstreams: UpstreamsConfig;
  store: Store;
  coordination: Coordination;
  metrics: Metrics;
  logger: Logger;
  verifier: TokenVerifier;
  /**
   * The HTTP client of an upstream base URL: one per URL, shared by every domain that calls it (one
   * connection pool, one circuit breaker, the provider's rejection hook), closed by the server after
   * the domains stop.
   */
  http(provider: Provider, baseUrl: string): UpstreamHttp;
  /** Signs and checks pagination cursors. */
  cursors: CursorCodec;
  /** Per-viewer quotas (operations, App2App prepares and watched keys, websockets). */
  quotas: ViewerQuotas;
  /** OpenTelemetry traces (off unless an endpoint is configured). */
  tracing: Tracing;
}

/**
 * What each domain's `start(core)` returns (tokens/, cards/, app2app/, vouchers/): the service its
 * resolvers call, and optionally what it runs in the background (`stop`), its /readyz checks (which
 * report our own dependencies and credentials known to be bad, never whether an upstream answers
 * right now) and /readyz details.
 */
export interface DomainModule<S> {
  service: S;
  stop?(): Promise<void>;
  /**
   * Development only: the upstream went back to its seed (the embedded sandbox was reset), so drop what
   * is held in memory about it — credentials, caches, followed requests. The store's rows go after.
   */
  forgetUpstreamState?(): Promise<void>;
  readiness?: ReadinessCheck[];
  details?: Record<string, () => unknown>;
}
