/**
 * Prometheus metrics (prom-client), one registry per server so tests can run several in one process.
 * Labels are bounded: GraphQL operation names as sent (anonymous ones as `anonymous`) up to
 * `maxOperationNames` distinct names, then `other` (clients choose names: unbounded labels would grow
 * the registry without limit); upstream routes as templates (`GET /wallet/tokens/:id`), never ids.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface MetricsOptions {
  /** Distinct client operation names kept as labels; later ones count as `other`. @default 100 */
  maxOperationNames?: number;
}

/** The label of operations whose names came after the first `maxOperationNames`. */
export const OTHER_OPERATIONS = 'other';

export class Metrics {
  readonly registry = new Registry();
  private readonly operationNames = new Set<string>();
  private readonly maxOperationNames: number;

  readonly operations = new Counter({
    name: 'graphql_operations_total',
    help: 'GraphQL operations by name, type and outcome (ok, or the first error code)',
    labelNames: ['operation', 'type', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly operationDuration = new Histogram({
    name: 'graphql_operation_duration_seconds',
    help: 'GraphQL operation duration by name and outcome',
    labelNames: ['operation', 'type', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly upstreamRequests = new Counter({
    name: 'upstream_requests_total',
    help: 'Calls to upstream systems by provider, route template and status (or error code)',
    labelNames: ['provider', 'route', 'status'] as const,
    registers: [this.registry],
  });

  readonly upstreamDuration = new Histogram({
    name: 'upstream_request_duration_seconds',
    help: 'Upstream call duration by provider, route template and status',
    labelNames: ['provider', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly websocketConnections = new Gauge({
    name: 'websocket_connections',
    help: 'Open graphql-ws connections',
    registers: [this.registry],
  });

  constructor(options: MetricsOptions = {}) {
    this.maxOperationNames = options.maxOperationNames ?? 100;
    collectDefaultMetrics({ register: this.registry });
  }

  /** The `operation` label for a client's operation name: itself while names are few, else `other`. */
  operationLabel(name: string): string {
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= this.maxOperationNames) return OTHER_OPERATIONS;
    this.operationNames.add(name);
    return name;
  }

  /** A gauge read when scraped, for state owned elsewhere (e.g. active App2App pollers). */
  observedGauge(name: string, help: string, read: () => number): Gauge {
    return new Gauge({
      name,
      help,
      registers: [this.registry],
      collect() {
        this.set(read());
      },
    });
  }
}
