/**
 * What the process holds once: configuration, store, coordination, observability, and one service per
 * upstream domain. Built by server.ts, handed to every operation through the context.
 */
import type { TokenVerifier } from './auth/tokens';
import type { Config, UpstreamsConfig } from './config';
import type { UpstreamHttp } from './datasources/http';
import type { Provider } from './errors';
import type { DomainServices } from './domains';
import type { Metrics } from './observability/metrics';
import type { Logger } from './observability/logger';
import type { Coordination } from './pubsub';
import type { CursorCodec } from './schema/cursor';
import type { Store } from './store';

/** One line of /readyz: throws (with an operator-readable message) when not ready. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
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
   * connection pool, one circuit breaker), closed by the server after the domains stop.
   */
  http(provider: Provider, baseUrl: string): UpstreamHttp;
  /** Signs and checks pagination cursors. */
  cursors: CursorCodec;
  /** Extra checks for /readyz beyond the store and Redis, added by domain services. */
  readiness: ReadinessCheck[];
  /** Extra facts for /readyz `details` (e.g. active pollers), added by domain services. */
  details: Record<string, () => unknown>;
}

export type AppServices = CoreServices & DomainServices;
